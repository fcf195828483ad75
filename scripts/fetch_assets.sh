#!/usr/bin/env bash
# Vendor the pinned front-end files the maps need into static/vendor/, so a map
# draws with no internet (meeting rooms, Pemda intranets). Streamlit serves them
# at app/static/vendor/. Idempotent: a package already in place costs no network.
# Versions and licences are recorded in static/VENDOR.md; keep both in step.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR="$ROOT/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

die() {
    echo "fetch_assets: $*" >&2
    exit 1
}

# vendor PKG VERSION INTEGRITY FILE...
# Copies each FILE (a path inside the npm tarball) to static/vendor/PKG-VERSION/,
# minus a leading "dist/", after checking the tarball against the pinned
# INTEGRITY (npm's sha512). The folder is moved into place whole, so it is
# either complete or absent.
vendor() {
    local pkg=$1 version=$2 integrity=$3
    shift 3
    local dest="$VENDOR/$pkg-$version" file missing=0
    for file in "$@"; do
        [[ -f "$dest/${file#dist/}" ]] || missing=1
    done
    if ((missing == 0)); then
        return 0
    fi

    local tmp="$WORK/$pkg"
    mkdir -p "$tmp"
    echo "fetch_assets: $pkg@$version" >&2
    local tarball
    tarball="$(cd "$tmp" && npm pack "$pkg@$version" 2>"$tmp/npm.err")" ||
        die "npm pack $pkg@$version failed: $(cat "$tmp/npm.err")"
    tarball="$tmp/$(tail -n 1 <<<"$tarball")"
    [[ -f "$tarball" ]] || die "npm pack $pkg@$version wrote no tarball"

    local actual
    actual="$(node -e 'const fs = require("fs"), crypto = require("crypto");
        const digest = crypto.createHash("sha512").update(fs.readFileSync(process.argv[1]));
        process.stdout.write("sha512-" + digest.digest("base64"));' "$tarball")"
    [[ "$actual" == "$integrity" ]] ||
        die "$pkg@$version integrity mismatch: got $actual, pinned $integrity"

    tar -xzf "$tarball" -C "$tmp"
    local stage="$tmp/stage"
    for file in "$@"; do
        [[ -f "$tmp/package/$file" ]] || die "$pkg@$version has no $file"
        install -D -m 644 "$tmp/package/$file" "$stage/${file#dist/}"
    done
    mkdir -p "$VENDOR"
    rm -rf "$dest"
    mv "$stage" "$dest"
}

vendor leaflet 1.9.3 \
    "sha512-iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOslixQF9D/uSIzhZgGMfQ==" \
    LICENSE \
    dist/leaflet.js \
    dist/leaflet.css \
    dist/images/layers.png \
    dist/images/layers-2x.png \
    dist/images/marker-icon.png \
    dist/images/marker-icon-2x.png \
    dist/images/marker-shadow.png
