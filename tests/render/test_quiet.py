"""Graphviz's harmless chatter is filtered from stderr; real messages still get through."""

import os

from orgdesigner.render.quiet import filtered_stderr, is_noise


def test_noise_is_recognised():
    assert is_noise('Fontconfig warning: "/usr/share/fontconfig/conf.avail/05-reset-dirs-sample'
                    '.conf", line 6: unknown element "reset-dirs"')
    assert is_noise("Warning: graph has 5003 nodes...layout may take a long time.")
    assert not is_noise("Error: syntax error in line 3")


def test_filtered_stderr_passes_real_messages(capfd):
    with filtered_stderr():
        os.write(2, b'Fontconfig warning: "x.conf", line 6: unknown element "reset-dirs"\n')
        os.write(2, b"Error: something real\n")
    err = capfd.readouterr().err
    assert "something real" in err
    assert "Fontconfig" not in err
