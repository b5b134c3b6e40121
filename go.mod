module frontline-atlas

go 1.26.8

require (
	fyne.io/fyne/v2 v2.7.1 // indirect
	github.com/golang/geo v0.0.0-20260818125358-b200a1149890 // indirect
	github.com/paulmach/orb v0.14.0 // indirect
	golang.org/x/image v0.48.0 // indirect
)
