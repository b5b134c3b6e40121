package cli

import (
	"io"
	"strings"
	"testing"
)

func TestParseArgsKiosk(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		kiosk   bool
		config  string
		wantErr string
	}{
		{args: []string{"--kiosk"}, kiosk: true},
		{args: []string{"--kiosk", "--kiosk-config", "/etc/atlas/kiosk.json"}, kiosk: true, config: "/etc/atlas/kiosk.json"},
		{args: []string{"--kiosk-config=k.json", "--kiosk", "--content", "pack"}, kiosk: true, config: "k.json"},
		{args: []string{"--kiosk-config", "k.json"}, wantErr: "--kiosk-config applies only with --kiosk"},
		{args: []string{"snapshot", "--kiosk", "-o", "a.png"}, wantErr: "--kiosk and --kiosk-config apply only when opening the app"},
		{args: []string{"validate", "--kiosk-config", "k.json"}, wantErr: "apply only when opening the app"},
		{args: []string{"--kiosk=maybe"}, wantErr: "-kiosk"},
	} {
		cmd, err := ParseArgs(tc.args, io.Discard)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: error %v, want %q", tc.args, err, tc.wantErr)
			}
			continue
		}
		if err != nil || cmd.Kiosk != tc.kiosk || cmd.KioskConfig != tc.config {
			t.Errorf("%q: %+v, %v", tc.args, cmd, err)
		}
	}
	if !strings.Contains(Usage, "--kiosk ") || !strings.Contains(Usage, "--kiosk-config") {
		t.Error("the usage does not mention --kiosk and --kiosk-config")
	}
}
