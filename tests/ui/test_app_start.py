"""Starting the desktop on an unusable data folder: a message window, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from counter_app import app


def test_given_data_dir_that_is_a_file_then_message_window_and_exit_1(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text)))
    # The shared test application keeps its translators (other tests rely on them).
    monkeypatch.setattr(app, "install_translators", lambda *_: [])
    file = tmp_path / "data"
    file.write_text("x", encoding="utf-8")

    assert app.main(["--data-dir", str(file)]) == 1

    [(title, text)] = shown
    assert title == "Không mở được dữ liệu"
    assert text.startswith(f"Không tạo được thư mục dữ liệu {file}: đã có một tệp trùng tên")


def test_given_a_damaged_machine_file_then_message_window_and_exit_1(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(app, "install_translators", lambda *_: [])
    machine = tmp_path / "machine.json"
    machine.write_text('{"data_dir": 5}', encoding="utf-8")
    monkeypatch.setenv("COUNTER_APP_MACHINE_CONFIG", str(machine))
    monkeypatch.delenv("COUNTER_APP_DATA_DIR", raising=False)

    assert app.main([]) == 1

    [(title, text)] = shown
    assert title == "Không mở được dữ liệu"
    assert text == f"Tệp cấu hình chung của máy {machine}: «data_dir» phải là một chuỗi."
