"""Files on disk: atomic `.bak` and temporary files under a kill loop, symlinks at
`NAME.bak`, permissions under umask 077 and 022, and the private autosave folder."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orgdesigner import autosave
from orgdesigner.formats import atomic, orgd
from orgdesigner.model import Design, Metadata
from orgdesigner.synthetic import generate

SAVER = """
import sys
from orgdesigner.formats import orgd
from orgdesigner.synthetic import generate
design = generate(int(sys.argv[2]))
print("ready", flush=True)
while True:
    orgd.save(design, sys.argv[1])
"""


def _mode(p: Path) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


@pytest.mark.slow
def test_kill_loop_leaves_a_whole_file_a_whole_bak_and_no_stale_temporaries(tmp_path):
    """30 saves killed at random moments: the design and its `.bak` always load, and the
    next save removes every temporary file the killed ones left."""
    target = tmp_path / "group.orgd"
    orgd.save(generate(300), target)
    orgd.save(generate(300), target)  # now a .bak exists too
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for i in range(30):
        proc = subprocess.Popen([sys.executable, "-c", SAVER, str(target), "1500"], env=env,
                                stdout=subprocess.PIPE)
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        time.sleep(0.05 + (i % 7) * 0.04)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for p in (target, target.with_name(target.name + ".bak")):
            assert len(orgd.load(p).units) in (300, 1500), p
    time.sleep(atomic.STALE_AFTER + 0.5)  # the killed savers' files are now stale
    orgd.save(Design(Metadata(title="after")), target)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    assert orgd.load(target).metadata.title == "after"


def test_clean_stale_only_touches_our_dead_temporaries(tmp_path):
    ours_dead = tmp_path / ".a.orgd.999999999-abcdefgh.tmp"
    ours_alive = tmp_path / f".a.orgd.{os.getpid()}-abcdefgh.tmp"
    legacy_new = tmp_path / ".a.orgd.abcdefgh.tmp"
    other = tmp_path / ".a.orgd.notes.txt"
    other_name = tmp_path / ".b.orgd.999999999-abcdefgh.tmp"
    for p in (ours_dead, ours_alive, legacy_new, other, other_name):
        p.write_text("x")
    old = time.time() - 10
    for p in (ours_dead, ours_alive, legacy_new, other, other_name):
        os.utime(p, (old, old))
    removed = atomic.clean_stale(tmp_path, "a.orgd")
    assert removed == [ours_dead]
    assert all(p.exists() for p in (ours_alive, legacy_new, other, other_name))
    # without a pid, only an hour-old file is known to be abandoned
    assert atomic.clean_stale(tmp_path, "a.orgd", now=time.time() + 7200) == [legacy_new]


def test_a_symlink_at_bak_is_replaced_never_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    target = tmp_path / "d.orgd"
    orgd.save(Design(Metadata(title="one")), target)
    bak = tmp_path / "d.orgd.bak"
    bak.symlink_to(victim)
    orgd.save(Design(Metadata(title="two")), target)
    assert victim.read_text() == "precious"
    assert not bak.is_symlink()
    assert orgd.load(bak).metadata.title == "one"
    assert orgd.load(target).metadata.title == "two"


@pytest.mark.parametrize("umask, expected", [(0o077, 0o600), (0o022, 0o644), (0o002, 0o664)])
def test_new_files_follow_the_umask(tmp_path, umask, expected):
    old = os.umask(umask)
    try:
        orgd.save(Design(), tmp_path / "new.orgd")
        atomic.atomic_write(tmp_path / "new.svg", b"<svg/>")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new.orgd") == expected
    assert _mode(tmp_path / "new.svg") == expected


@pytest.mark.parametrize("umask", [0o077, 0o022])
def test_an_existing_file_keeps_its_mode_and_the_bak_gets_it_too(tmp_path, umask):
    target = tmp_path / "kept.orgd"
    orgd.save(Design(), target)
    os.chmod(target, 0o640)
    old = os.umask(umask)
    try:
        orgd.save(Design(Metadata(title="again")), target)
    finally:
        os.umask(old)
    assert _mode(target) == 0o640
    assert _mode(tmp_path / "kept.orgd.bak") == 0o640


@pytest.mark.parametrize("umask", [0o077, 0o022])
def test_autosaves_are_private(tmp_path, umask):
    folder = tmp_path / "autosave"
    old = os.umask(umask)
    try:
        entry = autosave.write(Design(), "d1", directory=folder)
    finally:
        os.umask(old)
    assert _mode(folder) == 0o700
    assert _mode(entry.snapshot) == 0o600
    assert _mode(entry.sidecar) == 0o600


def test_an_existing_autosave_folder_is_made_private(tmp_path):
    folder = tmp_path / "autosave"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    autosave.write(Design(), "d1", directory=folder)
    assert _mode(folder) == 0o700


def test_text_that_cannot_be_encoded_is_one_write_error(tmp_path):
    with pytest.raises(atomic.WriteError, match="UTF-8"):
        atomic.atomic_write(tmp_path / "x.orgd", "bad \ud800 text")
    assert list(tmp_path.iterdir()) == []
