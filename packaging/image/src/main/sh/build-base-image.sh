#!/usr/bin/env bash
# Builds the base image of the OpenSSPR server's container image from Debian packages, as a
# docker-archive tarball that Jib reads (from.image = tar://...). No registry is asked: public base
# images may not be reachable (nor trusted) where the image is built, Debian's package mirror is.
#
#   build-base-image.sh OUTPUT.tar
#
# The image: Debian 12 (bookworm) minbase with security updates, Java 17 (openjdk-17-jre-headless),
# curl for a health command, and the account that runs the server: opensspr (uid/gid 10001, no
# shell, no password) owning its data dir /var/lib/opensspr (rwx------).
#
# Needs root (debootstrap, chroot), debootstrap and podman (import, save). Reuses OUTPUT.tar when
# it was made by this very script (its SHA-256 is kept beside it in OUTPUT.tar.key); delete the
# tarball to pull in newer Debian packages. Mirrors: SSPR_DEBIAN_MIRROR (default
# http://deb.debian.org/debian), SSPR_DEBIAN_SECURITY_MIRROR (http://deb.debian.org/debian-security).
set -euo pipefail

output=${1:?usage: build-base-image.sh OUTPUT.tar}
mirror=${SSPR_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${SSPR_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
key="$(sha256sum "$0" | cut -d' ' -f1) $mirror $security_mirror"

if [ -s "$output" ] && [ "$(cat "$output.key" 2>/dev/null)" = "$key" ]; then
  echo "Base image: reusing $output (made by this script; delete it to rebuild)"
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "Base image: needs root (debootstrap, chroot)" >&2; exit 1; }
for tool in debootstrap podman; do
  command -v "$tool" >/dev/null || { echo "Base image: needs $tool (apt-get install $tool)" >&2; exit 1; }
done

started=$(date +%s)
mkdir -p "$(dirname "$output")"
work=$(mktemp -d "$(dirname "$output")/base-image.XXXXXX")
root="$work/rootfs"
tag="localhost/opensspr-base-build:$(basename "$work" | tr 'A-Z' 'a-z' | tr -cd 'a-z0-9')"
cleanup() {
  mountpoint -q "$root/proc" && umount "$root/proc"
  podman rmi --force "$tag" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "Base image: debootstrap --variant=minbase bookworm from $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }

cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security_mirror bookworm-security main
EOF
mount -t proc proc "$root/proc"
echo "Base image: installing openjdk-17-jre-headless and curl, with bookworm's updates"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }
{
  in_root apt-get update -qq
  in_root apt-get upgrade -y -qq
  in_root apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless curl ca-certificates
} >"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log" >&2; exit 1; }

# The server's account and its data dir: the image runs as this uid, never as root.
in_root groupadd --system --gid 10001 opensspr
in_root useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/opensspr --no-create-home \
  --shell /usr/sbin/nologin --comment "OpenSSPR server" opensspr \
  2> >(grep -v 'greater than SYS_UID_MAX' >&2)
install -d -m 0700 -o 10001 -g 10001 "$root/var/lib/opensspr"

umount "$root/proc"
# What a running server never needs: package lists and caches, logs, manuals. The copyright
# files in /usr/share/doc stay (the licences of what the image ships).
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/cache/debconf/*-old \
  "$root"/var/log/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/tmp/* "$root"/root/.cache
find "$root/usr/share/doc" -type f ! -name copyright -delete
find "$root/usr/share/doc" -type d -empty -delete

echo "Base image: importing the root file system (podman import) and saving it as a docker-archive"
tar -C "$root" --numeric-owner -cf - . \
  | podman import --quiet --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$tag" >/dev/null
podman save --quiet --format docker-archive -o "$work/base.tar" "$tag"
mv "$work/base.tar" "$output"
echo "$key" >"$output.key"
java_version=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$root"/usr/lib/jvm/java-17-openjdk-*/release 2>/dev/null || true)
echo "Base image: $output ($(du -m "$output" | cut -f1) MB, Java ${java_version:-17}) in $(( $(date +%s) - started )) s"
