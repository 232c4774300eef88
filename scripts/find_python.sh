#!/usr/bin/env bash
# Prints the path of a Python 3.8-3.10 interpreter that can make a venv.
# Rasa 3.6 supports no newer Python, and a machine's default python3 often is newer.
#
# Looks at, in order: $PYTHON, python3.10/3.9/3.8 on PATH, then pyenv's versions
# in /root/.pyenv, ~/.pyenv and `pyenv root`. FIND_PYTHON_SKIP_PYENV=1 skips the
# pyenv folders (used to test the "none found" message).
set -u

# Prints the interpreter's own path when it is 3.8-3.10 with venv and ensurepip;
# Debian's python3.x without python3.x-venv lacks ensurepip and fails here.
usable() {
    "$1" -c '
import sys, venv, ensurepip
assert (3, 8) <= sys.version_info[:2] <= (3, 10)
print(sys.executable)' 2>/dev/null
}

try() {
    local found
    found=$(usable "$1") && [ -n "$found" ] && { printf '%s\n' "$found"; exit 0; }
    return 0
}

if [ -n "${PYTHON:-}" ]; then
    try "$PYTHON"
    echo "find_python: PYTHON=$PYTHON is not a Python 3.8-3.10 with venv; looking further" >&2
fi

for name in python3.10 python3.9 python3.8; do
    path=$(command -v "$name" 2>/dev/null) && try "$path"
done

if [ "${FIND_PYTHON_SKIP_PYENV:-0}" != 1 ]; then
    roots=(/root/.pyenv "${HOME:-/nonexistent}/.pyenv")
    if command -v pyenv >/dev/null 2>&1; then
        roots+=("$(pyenv root 2>/dev/null)")
    fi
    for minor in 10 9 8; do
        for root in "${roots[@]}"; do
            [ -n "$root" ] && [ -d "$root/versions" ] || continue
            # Newest patch release first: 3.10.13 before 3.10.9.
            while IFS= read -r dir; do
                try "$dir/bin/python3.$minor"
            done < <(ls -d "$root"/versions/3."$minor"* 2>/dev/null | sort -rV)
        done
    done
fi

cat >&2 <<'MSG'
No usable Python found: Rasa 3.6 needs Python 3.8, 3.9 or 3.10 with the venv module.
Get one in any of these ways, then run make again:
  - pyenv install 3.10                   (https://github.com/pyenv/pyenv)
  - apt-get install python3.10 python3.10-venv   (where your distribution has it)
  - point to one you have: PYTHON=/path/to/python3.10 make venv
MSG
exit 1
