package room

// The join URL as a QR code: a PNG for the projector (and --qr), and
// text for a terminal. github.com/piglig/go-qr encodes it: a maintained
// port of Nayuki's reference encoder, with no dependencies.

import (
	"encoding/base64"
	"fmt"
	"strings"

	qr "github.com/piglig/go-qr"
)

// encode makes the QR code of text, medium error correction (a projected
// or photographed code loses a little).
func encode(text string) (*qr.QrCode, error) {
	q, err := qr.EncodeText(text, qr.Medium)
	if err != nil {
		return nil, fmt.Errorf("QR code of the join address: %w", err)
	}
	return q, nil
}

// PNG is the QR code of text as a PNG: 8 pixels a module, the standard
// quiet zone of 4 modules.
func PNG(text string) ([]byte, error) {
	q, err := encode(text)
	if err != nil {
		return nil, err
	}
	b, err := q.ToPNGBytes(qr.NewQrCodeImgConfig(8, 4))
	if err != nil {
		return nil, fmt.Errorf("QR code as PNG: %w", err)
	}
	return b, nil
}

// qrDataURL is PNG as a data: URL, for the facilitator's window.
func qrDataURL(text string) (string, error) {
	b, err := PNG(text)
	if err != nil {
		return "", err
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(b), nil
}

// Text draws the QR code of text for a terminal, two modules a line with
// half blocks, dark on light whatever the terminal's colours, with a
// quiet zone of 2 modules (terminals add their own margin).
func Text(text string) (string, error) {
	q, err := encode(text)
	if err != nil {
		return "", err
	}
	const quiet = 2
	n := q.Size()
	dark := func(x, y int) bool {
		return x >= 0 && y >= 0 && x < n && y < n && q.Module(x, y)
	}
	var b strings.Builder
	for y := -quiet; y < n+quiet; y += 2 {
		for x := -quiet; x < n+quiet; x++ {
			// Light cells are drawn as blocks so the code reads dark on
			// light on a dark terminal too.
			top, bottom := !dark(x, y), !dark(x, y+1)
			switch {
			case top && bottom:
				b.WriteRune('█')
			case top:
				b.WriteRune('▀')
			case bottom:
				b.WriteRune('▄')
			default:
				b.WriteRune(' ')
			}
		}
		b.WriteByte('\n')
	}
	return b.String(), nil
}
