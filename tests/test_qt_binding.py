"""The Qt binding in the lock file does not eat references to None.

PySide6 6.12.0 on Python 3.11 (where None is not immortal) took one reference from None on every
call of a method that returns nothing: after about 5,000 such calls — a 375-page period report,
or a long day in the GUI — Python aborted with "Fatal Python error: none_dealloc". Run in a
child process, since the failure ends the process.
"""

from __future__ import annotations

import os
import subprocess
import sys

_PROGRAM = """
import sys
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel()
image = QImage(20, 20, QImage.Format.Format_RGB32)
document = QTextDocument()
document.setPlainText("x")
painter = QPainter(image)
before = sys.getrefcount(None)
for _ in range(20_000):  # four times what None's references survived under the faulty binding
    label.setText("x")
    painter.save()
    painter.translate(0, 1)
    document.drawContents(painter, QRectF(0, 0, 5, 5))
    painter.restore()
lost = before - sys.getrefcount(None)
painter.end()
print(lost)
"""


def test_methods_returning_nothing_keep_none_alive() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", _PROGRAM], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.split()[-1]) < 100  # a few, not one per call
