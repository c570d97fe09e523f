"""Write ``assets/_shared.js``, the ids and limits the assets share with Python, from ``ids.py``.

.venv/bin/python -m scripts.shared_js
"""

from pathlib import Path

from ids import javascript_constants

PATH = Path(__file__).resolve().parent.parent / "assets" / "_shared.js"

if __name__ == "__main__":
    PATH.write_text(javascript_constants())
    print(PATH)
