#!/bin/sh
# Builds the postern Debian package with dpkg-deb alone (no cargo-deb, no debhelper: both are
# extra tools a post's build machine or CI may not have; dpkg-deb is on every Debian system).
#
#   packaging/build-deb.sh [BINARY] [OUTDIR]
#
# BINARY defaults to target/release/postern (build it with `cargo build --release -p postern`),
# OUTDIR to target/debian. Prints the path of the .deb it wrote. POSTERN_DEB_COMPRESSION picks
# dpkg-deb's compressor (default xz; the tests use none: a debug binary is large).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
binary=${1:-$root/target/release/postern}
out=${2:-$root/target/debian}
[ -x "$binary" ] || { echo "build-deb: no executable at $binary" >&2; exit 1; }

version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/crates/postern/Cargo.toml" | head -n 1)
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
chmod 0755 "$stage"

install -D -m 0755 "$binary" "$stage/usr/bin/postern"
install -D -m 0644 "$here/postern.service" "$stage/usr/lib/systemd/system/postern.service"
install -D -m 0640 "$here/postern.toml" "$stage/etc/postern/postern.toml"
install -D -m 0644 "$here/postern.example.toml" "$stage/usr/share/doc/postern/postern.example.toml"
install -D -m 0644 "$root/docs/OPERATIONS.md" "$stage/usr/share/doc/postern/OPERATIONS.md"
install -D -m 0644 "$root/README.md" "$stage/usr/share/doc/postern/README.md"
install -D -m 0644 "$here/debian/copyright" "$stage/usr/share/doc/postern/copyright"
install -d "$stage/DEBIAN"
for f in conffiles postinst prerm postrm; do
    install -m "$( [ "$f" = conffiles ] && echo 0644 || echo 0755 )" "$here/debian/$f" "$stage/DEBIAN/$f"
done
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$size/" \
    -e "s/@DEPENDS@/libc6 (>= 2.34), adduser/" "$here/debian/control" >"$stage/DEBIAN/control"

mkdir -p "$out"
deb="$out/postern_${version}_${arch}.deb"
dpkg-deb --root-owner-group "-Z${POSTERN_DEB_COMPRESSION:-xz}" --build "$stage" "$deb" >/dev/null
echo "$deb"
