package app

import (
	"embed"
	"sync"

	"fyne.io/fyne/v2/lang"
)

//go:embed translations
var translations embed.FS

var translationsOnce sync.Once

// setupTranslations registers the embedded UI translations (translations/*.json) once.
func setupTranslations() {
	translationsOnce.Do(func() {
		if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
			logf("translations: %v", err)
		}
	})
}
