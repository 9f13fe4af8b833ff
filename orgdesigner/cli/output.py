"""Where commands write: files under the one overwrite policy, or stdout for `-o -`.

The overwrite policy, the same for every command that writes (`new`, `import -o`,
`export -o`, `budget -o`): an existing file is replaced and its previous content is kept
beside it as `NAME.bak` — the way the app saves. Every file is written completely first (in
a temporary folder next to the target) and then moved into place, so an error never leaves
a half-written file, and a command that writes several files (`units.csv` with its
`.flows.csv` and `.companies.csv`) reports each of them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..formats.atomic import WriteError, keep_backup
from ..messages import msg
from .common import pick

STDOUT = "-"


def to_stdout(output: str | None) -> bool:
    return output == STDOUT


def write_stdout(data: bytes | str) -> None:
    """Bytes go out unchanged (a PNG, a UTF-8 SVG or .orgd: files keep their own
    encoding); text in the console's encoding."""
    if isinstance(data, str):
        sys.stdout.write(data)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (test captures): text formats still arrive
        sys.stdout.write(data.decode("utf-8", errors="replace"))
    else:
        buffer.write(data)
        buffer.flush()


def write_json(doc: object) -> None:
    """A JSON document for tools. On a UTF-8 stdout Japanese stays readable; on any other
    (cp932) every non-ASCII character is a \\u escape, so the document is exact, valid in
    that encoding, and parses the same everywhere."""
    from ..formats import json_text  # json.dumps's text, faster for a large document
    from .streams import is_utf

    ascii_only = not is_utf(getattr(sys.stdout, "encoding", None))
    write_stdout(json_text.dumps(doc, 2, end="\n", ensure_ascii=ascii_only))


@dataclass
class Written:
    """What a write did: the files written and the previous versions kept."""

    files: list[Path] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)

    def report(self, lang: str, detail_en: str = "", detail_ja: str = "") -> str:
        """One line naming every file written (and every backup kept); `detail_*` is
        added after the names ("wrote b.xlsx: 3 fiscal years …")."""
        names = ", ".join(str(p) for p in self.files)
        text = pick(lang, f"wrote {names}{detail_en}", f"{names} に書き出しました{detail_ja}")
        if self.backups:
            kept = ", ".join(p.name for p in self.backups)
            text += pick(lang, f" (previous version kept as {kept})",
                         f"。以前の内容は {kept} に残しました")
        return text


def _write_error(path: Path, exc: OSError) -> WriteError:
    from ..formats.atomic import _describe

    return WriteError(_describe(path, exc))


def write_files(output: str | os.PathLike, produce: Callable[[Path], None], *,
                seed: Iterable[Path] = ()) -> Written:
    """Call `produce(path)` to write into a private folder, then move every file it wrote
    next to `output`, keeping each existing one as `NAME.bak`. `seed`: existing files the
    producer looks for beside its output (a CSV export rewrites an old `.flows.csv` so it
    never outlives its design); they are copied in first, so it finds them."""
    target = Path(output)
    folder = target.parent
    if target.is_dir():
        raise WriteError(msg("write.is_folder", path=target))
    if not folder.is_dir():
        raise WriteError(msg("write.no_folder", path=target, folder=folder))
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=folder))
    except OSError as exc:
        raise _write_error(target, exc) from None
    done = Written()
    try:
        for existing in seed:
            if existing.is_file():
                shutil.copy2(existing, staging / existing.name)
        produce(staging / target.name)
        made = sorted(staging.iterdir(), key=lambda p: (p.name != target.name, p.name))
        for item in made:
            dest = folder / item.name
            if dest.is_dir():
                raise WriteError(msg("write.is_folder", path=dest))
            try:
                if dest.exists():
                    done.backups.append(keep_backup(dest))
                os.replace(item, dest)
            except OSError as exc:
                raise _write_error(dest, exc) from None
            done.files.append(dest)
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
    return done
