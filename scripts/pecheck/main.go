// Command pecheck checks a Windows executable built here, where it cannot
// run: that it is a GUI program (no console window) for the expected
// machine, and that its version resource and its stamped version say what
// the build meant. `make dist-test` runs it on the app and the installer.
//
//	go run ./scripts/pecheck -machine amd64 -version 0.1.0 -stamp 0.1.0~gabc1234 FILE.exe
package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"unicode/utf16"
)

func main() {
	machine := flag.String("machine", "amd64", "expected machine: amd64 (PE32+) or 386 (PE32)")
	version := flag.String("version", "", "expected file version, e.g. 0.1.0 (as 0.1.0.0)")
	stamp := flag.String("stamp", "", "a string the binary must contain (the version stamped with -ldflags)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: pecheck [-machine amd64|386] [-version X.Y.Z] [-stamp S] FILE.exe")
		os.Exit(2)
	}
	if err := check(flag.Arg(0), *machine, *version, *stamp); err != nil {
		fmt.Fprintln(os.Stderr, "pecheck:", err)
		os.Exit(1)
	}
}

func check(path, machine, version, stamp string) error {
	f, err := pe.Open(path)
	if err != nil {
		return err
	}
	defer f.Close() //nolint:errcheck // read only: closing loses nothing

	var subsystem uint16
	var rsrc pe.DataDirectory
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		if machine != "amd64" || f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
			return fmt.Errorf("%s: PE32+ for machine %#x, want %s", path, f.Machine, machine)
		}
		subsystem, rsrc = oh.Subsystem, oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	case *pe.OptionalHeader32:
		if machine != "386" || f.Machine != pe.IMAGE_FILE_MACHINE_I386 {
			return fmt.Errorf("%s: PE32 for machine %#x, want %s", path, f.Machine, machine)
		}
		subsystem, rsrc = oh.Subsystem, oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	default:
		return fmt.Errorf("%s: no optional header", path)
	}
	kind := map[string]string{"amd64": "PE32+ x86-64", "386": "PE32 i386"}[machine]
	if subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return fmt.Errorf("%s: subsystem %d, want %d (WINDOWS_GUI)", path, subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	fmt.Printf("%s: %s, subsystem WINDOWS_GUI\n", path, kind)

	info, err := versionInfo(f, rsrc)
	if err != nil {
		return fmt.Errorf("%s: version resource: %w", path, err)
	}
	fmt.Printf("  FileVersion %s, ProductVersion %q, ProductName %q\n",
		info.fixed, info.strings["ProductVersion"], info.strings["ProductName"])
	if version != "" {
		want := version
		for strings.Count(want, ".") < 3 {
			want += ".0"
		}
		if info.fixed != want {
			return fmt.Errorf("%s: file version %s, want %s", path, info.fixed, want)
		}
		if pv := info.strings["ProductVersion"]; !strings.HasPrefix(pv, version) {
			return fmt.Errorf("%s: ProductVersion %q, want %s", path, pv, version)
		}
	}
	if stamp != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Contains(b, []byte(stamp)) {
			return fmt.Errorf("%s: the stamped version %q is not in the binary", path, stamp)
		}
		fmt.Printf("  stamped version %q found\n", stamp)
	}
	return nil
}

type version struct {
	fixed   string            // VS_FIXEDFILEINFO file version, a.b.c.d
	strings map[string]string // StringFileInfo values
}

const rtVersion = 16

// versionInfo finds the RT_VERSION resource and decodes it.
func versionInfo(f *pe.File, dir pe.DataDirectory) (*version, error) {
	if dir.Size == 0 {
		return nil, errors.New("no resources")
	}
	var sec *pe.Section
	for _, s := range f.Sections {
		if dir.VirtualAddress >= s.VirtualAddress && dir.VirtualAddress < s.VirtualAddress+s.VirtualSize {
			sec = s
		}
	}
	if sec == nil {
		return nil, errors.New("resource directory outside every section")
	}
	data, err := sec.Data()
	if err != nil {
		return nil, err
	}
	base := dir.VirtualAddress - sec.VirtualAddress
	res := data[base:]
	// Resource tree: type -> name -> language -> data entry.
	off, err := entry(res, 0, rtVersion)
	if err != nil {
		return nil, err
	}
	for range 2 {
		if off, err = entry(res, off, -1); err != nil {
			return nil, err
		}
	}
	if int(off)+8 > len(res) {
		return nil, errors.New("truncated data entry")
	}
	rva, size := binary.LittleEndian.Uint32(res[off:]), binary.LittleEndian.Uint32(res[off+4:])
	start := rva - sec.VirtualAddress
	if int(start+size) > len(data) {
		return nil, errors.New("version data outside its section")
	}
	blob := data[start : start+size]

	v := &version{strings: map[string]string{}}
	sig := []byte{0xbd, 0x04, 0xef, 0xfe} // VS_FIXEDFILEINFO.dwSignature
	i := bytes.Index(blob, sig)
	if i < 0 || i+16 > len(blob) {
		return nil, errors.New("no VS_FIXEDFILEINFO")
	}
	ms, ls := binary.LittleEndian.Uint32(blob[i+8:]), binary.LittleEndian.Uint32(blob[i+12:])
	v.fixed = fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)

	// StringFileInfo: each String is a NUL-terminated UTF-16 key, padding
	// to 32 bits, then the NUL-terminated UTF-16 value.
	u := make([]uint16, len(blob)/2)
	for j := range u {
		u[j] = binary.LittleEndian.Uint16(blob[2*j:])
	}
	for _, key := range []string{"ProductVersion", "FileVersion", "ProductName", "CompanyName", "FileDescription"} {
		k := append(utf16.Encode([]rune(key)), 0)
		for j := 0; j+len(k) <= len(u); j++ {
			if !equal(u[j:j+len(k)], k) {
				continue
			}
			p := j + len(k)
			for p < len(u) && u[p] == 0 {
				p++
			}
			q := p
			for q < len(u) && u[q] != 0 {
				q++
			}
			v.strings[key] = string(utf16.Decode(u[p:q]))
			break
		}
	}
	return v, nil
}

// entry returns the offset that the directory at off gives for id (or its
// first entry when id is -1), without the subdirectory flag.
func entry(res []byte, off uint32, id int) (uint32, error) {
	if int(off)+16 > len(res) {
		return 0, errors.New("truncated resource directory")
	}
	named := binary.LittleEndian.Uint16(res[off+12:])
	ids := binary.LittleEndian.Uint16(res[off+14:])
	for k := range uint32(named) + uint32(ids) {
		e := off + 16 + 8*k
		if int(e)+8 > len(res) {
			return 0, errors.New("truncated resource entry")
		}
		name, to := binary.LittleEndian.Uint32(res[e:]), binary.LittleEndian.Uint32(res[e+4:])
		if id == -1 || (name&0x80000000 == 0 && int(name) == id) {
			return to &^ 0x80000000, nil
		}
	}
	return 0, fmt.Errorf("no resource %d", id)
}

func equal(a, b []uint16) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
