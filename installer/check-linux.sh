#!/usr/bin/env bash
# Installs target/installer/pult_0.1.0_amd64.deb on this machine, starts the installed Pult for
# 8 s under a virtual display (jlink/smoke.sh), then removes the package and checks that nothing
# is left in /opt/pult. Needs root. Leaves the package removed even when a check fails.
# Usage: installer/check-linux.sh [SCREENSHOT.png]   (default /tmp/installer-check.png)
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/setup.sh
source jlink/smoke.sh

deb=target/installer/pult_0.1.0_amd64.deb
[ -f "$deb" ] || pult_fail "$deb is missing; run installer/build-linux.sh first."
[ "$(id -u)" -eq 0 ] || pult_fail "Installing a package needs root: sudo $0"
# Removing someone's real installation afterwards would be a nasty side effect of a check.
! dpkg-query -W -f='${Status}' pult 2>/dev/null | grep -q 'ok installed' \
    || pult_fail "Package pult is already installed here; remove it first (dpkg -r pult)."

installed=""
cleanup() {
    pult_smoke_cleanup
    if [ -n "$installed" ]; then
        dpkg -P pult >/dev/null || echo "pult: could not remove the package; see: dpkg -P pult" >&2
    fi
}
trap cleanup EXIT

# apt-get, not plain dpkg -i, so missing dependencies (xdg-utils on a bare system) come along.
# A failed install can leave the package half-configured, so cleanup purges from here on.
installed=yes
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null \
    || pult_fail "apt-get could not install $deb (run it by hand to see why)."
[ -x /opt/pult/bin/pult ] || pult_fail "/opt/pult/bin/pult is missing after install."
# The package ships the entry under /opt; its postinst registers it with xdg-desktop-menu.
menu_entry=/usr/share/applications/pult-pult.desktop
[ -f "$menu_entry" ] || pult_fail "The menu entry $menu_entry was not registered."
echo "check: installed $(du -sh /opt/pult | cut -f1) in /opt/pult; menu entry $menu_entry:" >&2
sed -n '/^\[Desktop Entry\]/,$p' "$menu_entry" >&2
echo "check: sip:/tel: handlers: $(grep -h 'x-scheme-handler/\(sip\|tel\)=' /usr/share/applications/defaults.list | paste -sd' ')" >&2

pult_smoke :56 "${1:-/tmp/installer-check.png}" /opt/pult/bin/pult

dpkg -r pult
dpkg -P pult >/dev/null
installed=""
[ ! -e /opt/pult ] || pult_fail "dpkg -r left files behind: $(find /opt/pult | head -20)"
[ ! -e "$menu_entry" ] || pult_fail "dpkg -r left the menu entry $menu_entry behind."
! grep -s -n 'pult-pult\.desktop' /usr/share/applications/defaults.list \
    || pult_fail "dpkg -r left Pult as a sip:/tel: handler in /usr/share/applications/defaults.list (above)."
echo "check: OK: installed, started, removed; nothing left in /opt/pult."
