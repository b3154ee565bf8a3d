"""sitecustomize.py — makes the Python test scripts run the project's
programs under Valgrind, without changing them. Python loads this module at
start-up when tests/valgrind/ is on PYTHONPATH, which only the Valgrind build
(-DENJEUX_VALGRIND=ON, tests/valgrind/run.sh) sets for its tests; there:

- every program a script starts from the build folder ($ENJEUX_VALGRIND_BUILD:
  `enjeux`, the test helpers) runs through tests/valgrind/memcheck.sh
  ($ENJEUX_VALGRIND_WRAPPER); other programs (dot, msgfmt, node…) run as usual;
- every timeout a script gives to a child is $ENJEUX_VALGRIND_SLOWDOWN times
  longer, since memcheck makes a program 5 to 30 times slower.
"""
import os
import subprocess

_BUILD = os.environ.get("ENJEUX_VALGRIND_BUILD")
_WRAPPER = os.environ.get("ENJEUX_VALGRIND_WRAPPER")
_SLOWDOWN = float(os.environ.get("ENJEUX_VALGRIND_SLOWDOWN", "5"))


def _ours(program):
    path = os.path.realpath(os.fspath(program))
    return path.startswith(os.path.realpath(_BUILD) + os.sep) and os.access(path, os.X_OK)


def _longer(timeout):
    return None if timeout is None else timeout * _SLOWDOWN


if _BUILD and _WRAPPER:
    _init = subprocess.Popen.__init__
    _communicate = subprocess.Popen.communicate
    _wait = subprocess.Popen.wait

    def _wrapped_init(self, args, *rest, **kw):
        if isinstance(args, (list, tuple)) and args and not kw.get("shell") and _ours(args[0]):
            args = [_WRAPPER, *args]
        _init(self, args, *rest, **kw)

    def _wrapped_communicate(self, input=None, timeout=None):
        return _communicate(self, input, _longer(timeout))

    def _wrapped_wait(self, timeout=None):
        return _wait(self, _longer(timeout))

    subprocess.Popen.__init__ = _wrapped_init
    subprocess.Popen.communicate = _wrapped_communicate
    subprocess.Popen.wait = _wrapped_wait
