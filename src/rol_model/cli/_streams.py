"""Standard output that fails as a :class:`~rol_model.WriteError`, never with a traceback.

A full disk behind a redirection (``rol render r.json > /dev/full``) makes ``write`` raise
:class:`OSError`; a closed descriptor (``rol render r.json >&-``) leaves ``sys.stdout`` as
``None``. :class:`GuardedStream` turns both into a :class:`~rol_model.WriteError` naming standard
output, which ``rol`` prints as one line with exit code 2. A closed pipe
(:class:`BrokenPipeError`: ``rol … | head``) is left alone: ``rol`` stops quietly then.
"""

from __future__ import annotations

import os
import sys

# Not typing.TYPE_CHECKING: rol --version passes here, and typing alone costs more than it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TextIO

    from rol_model.exceptions import WriteError  # imported when a write fails: no attrs at start

__all__ = ["GuardedStream", "flush_at_exit", "guard"]


class GuardedStream:
    """A text stream whose write errors are :class:`~rol_model.WriteError`."""

    def __init__(self, stream: TextIO | None, name: str) -> None:
        self._stream = stream
        self._name = name

    def _fail(self, error: OSError | None) -> WriteError:
        reason = "it is closed" if error is None else (error.strerror or str(error))
        from rol_model.exceptions import WriteError

        return WriteError(f"{self._name}: cannot write: {reason}")

    def write(self, text: str) -> int:
        """Write ``text``; raise :class:`~rol_model.WriteError` when the stream cannot take it."""
        if self._stream is None:
            raise self._fail(None)
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._fail(error) from None
        except ValueError:  # "I/O operation on closed file"
            raise self._fail(None) from None

    def flush(self) -> None:
        """Flush; raise :class:`~rol_model.WriteError` when the stream cannot take it."""
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._fail(error) from None
        except ValueError:
            raise self._fail(None) from None

    def isatty(self) -> bool:
        """Whether the stream is a terminal (``False`` when it is closed)."""
        if self._stream is None:
            return False
        try:
            return self._stream.isatty()
        except (OSError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard(stream: TextIO | None, name: str) -> TextIO:
    """``stream`` wrapped in a :class:`GuardedStream` (typed as the stream it stands for)."""
    guarded: TextIO = GuardedStream(stream, name)  # type: ignore[assignment]
    return guarded


def flush_at_exit(stream: TextIO | None) -> bool:
    """Flush a standard stream before exit; ``False`` when that failed.

    After a failure the descriptor is pointed at ``/dev/null``, so the interpreter's own flush at
    exit does not print a traceback of its own.
    """
    if stream is None:
        return True
    try:
        stream.flush()
    except (OSError, ValueError):
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass
        return False
    return True


def standard_output() -> TextIO | None:
    """``sys.stdout`` (``None`` when descriptor 1 was closed at start)."""
    return sys.stdout
