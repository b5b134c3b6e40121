package app

import (
	"embed"
	"sync"

	"fyne.io/fyne/v2/lang"

	_ "frontline-atlas/app/localeenv" // before Fyne's lang reads the locale: C.UTF-8 means English
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
