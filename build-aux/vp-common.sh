# vp-common.sh: shared by run-demo and run-tests: install what is missing, then build.
# Sourced, not run.

VP_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian 12 / Ubuntu package names: the build, the run and the tests (clang
# and libclang-rt-dev, which holds libFuzzer, for the fuzz targets).
# at-spi2-core provides the accessibility bus that GTK connects to (screen
# readers, and the window tests): a desktop has it, a minimal system does not.
# radicale (CalDAV) and apache2 with mod_dav (WebDAV), with openssl for a
# test certificate, are the servers the publishing tests start on localhost
# (tests/test-publish.py); libsoup talks TLS through glib-networking.
# python3-pyatspi reads the window as a screen reader does (tests/test-a11y.py).
VP_PACKAGES=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libical-dev libsqlite3-dev libjson-glib-dev
  libsoup-3.0-dev libsecret-1-dev glib-networking ca-certificates
  desktop-file-utils appstream
  xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi
  python3 tzdata fonts-cantarell fonts-dejavu-core adwaita-icon-theme
  poppler-utils fonts-noto-color-emoji
  nodejs npm python3-icalendar
  radicale apache2 openssl
  clang libclang-rt-dev
)

vp_say () {
  printf '\033[1m==> %s\033[0m\n' "$*" >&2
}

# Installs the packages of VP_PACKAGES (and any given) that are not installed,
# with sudo when not root.
vp_install_missing () {
  local missing=() pkg sudo=()

  for pkg in "${VP_PACKAGES[@]}" "$@"; do
    # Node.js may come from elsewhere than Debian, with npm inside it: a
    # working command is as good as the package.
    case "$pkg" in
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
    esac
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done

  [ ${#missing[@]} -eq 0 ] && return 0

  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      vp_say "These packages are missing and sudo is not available: ${missing[*]}"
      return 1
    fi
    sudo=(sudo)
  fi

  vp_say "Installing: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" || return 1
}

# Configures (once) and builds the build directory $1 with the meson options that follow.
vp_build () {
  local dir=$1
  shift

  if [ ! -f "$VP_TOP/$dir/build.ninja" ]; then
    vp_say "Configuring $dir"
    meson setup "$VP_TOP/$dir" "$VP_TOP" "$@" || return 1
  fi
  vp_say "Building $dir"
  meson compile -C "$VP_TOP/$dir" || return 1
}
