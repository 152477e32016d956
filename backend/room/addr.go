package room

// Where the room listens: an address participants' phones can reach, and
// whether plain HTTP is acceptable there.

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strconv"

	"soundingboard/backend/store"
)

// defaultPort is the room's port when the facilitator names none.
const defaultPort = 7421

// cgnat is the shared address space VPNs such as Tailscale hand out: as
// private as a LAN for the room's purpose.
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// private reports whether plain HTTP at ip stays on a network the
// facilitator controls: loopback, a LAN (RFC 1918, IPv6 ULA), link-local,
// or a VPN's shared range.
func private(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || cgnat.Contains(ip)
}

// listenAddr checks the address asked for, or finds this laptop's LAN
// address, and listens there. A port of "" or a taken default port falls
// back to any free one.
func listenAddr(addr string, tls, insist bool) (net.Listener, netip.Addr, error) {
	var host netip.Addr
	port := defaultPort
	if addr == "" {
		ip, err := lanAddress()
		if err != nil {
			return nil, host, err
		}
		host = ip
	} else {
		h, p, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, host, store.Invalid("address %q is not HOST:PORT (%v)", addr, err)
		}
		if host, err = netip.ParseAddr(h); err != nil || host.Zone() != "" {
			return nil, host, store.Invalid("address %q: give the IP address participants will use (not a name, not empty)", addr)
		}
		if port, err = strconv.Atoi(p); err != nil || port < 0 || port > 65535 {
			return nil, host, store.Invalid("address %q: port %q is not a number from 0 to 65535", addr, p)
		}
		if host.IsUnspecified() {
			return nil, host, store.Invalid("address %q: give the IP address participants will use, not %s", addr, h)
		}
	}
	if !private(host) && !tls && !insist {
		return nil, host, store.Invalid("%s is not a private network address: with plain HTTP anyone on the way could read "+
			"what participants send; give a certificate and key, or insist", host)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host.String(), strconv.Itoa(port)))
	if err != nil && addr == "" {
		ln, err = net.Listen("tcp", net.JoinHostPort(host.String(), "0"))
	}
	if err != nil {
		return nil, host, fmt.Errorf("listen on %s: %w", host, err)
	}
	return ln, host, nil
}

// lanAddress is the first private IPv4 address of an interface that is
// up, not loopback: what phones on the same Wi-Fi or hotspot reach.
func lanAddress() (netip.Addr, error) {
	ifaces, err := net.Interfaces()
	if err != nil {
		return netip.Addr{}, fmt.Errorf("list network interfaces: %w", err)
	}
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if p, err := netip.ParsePrefix(a.String()); err == nil {
				if ip := p.Addr(); ip.Is4() && (ip.IsPrivate() || cgnat.Contains(ip)) {
					return ip, nil
				}
			}
		}
	}
	return netip.Addr{}, errors.New("this laptop has no local network address: join a Wi-Fi network or turn on a hotspot, or give an address")
}
