"""Errors a user can cause, and the translatable texts they carry.

Every error that a user's input or action can trigger is a ``UserError``. It carries its text as a
:class:`Message`: a Vietnamese *template* with named placeholders (``"Không tìm thấy hồ sơ mã
«{code}»."``) and the values to fill them with (``code="…"``). ``message`` is that text rendered in
Vietnamese — what the command line prints on its «Lỗi:» line and what the tests read; the desktop
shows it in the interface's language through ``counter_app.ui.messages.shown``, which looks the
template up in Qt's translations (context ``"messages"``) before filling it. The templates are
extracted from the code for translation by ``scripts/update_translations.py`` (an AST scan: a
template must be a literal at the call, see ``counter_app/ui/messages.py``). Anything else that
escapes is a bug and goes to the crash dialog / traceback.

The template follows ``str.format``: ``{name}``, ``{day:%d/%m/%Y}``, ``{value!r}``; a literal brace is
``{{`` / ``}}``. A text without values is taken as it is (no formatting, braces need no doubling),
which keeps ``UserError("Plain text.")`` working. A value that is itself user-facing Vietnamese
(a fragment such as ``describe_os_error(exc)``, another error's text, a domain label) is passed as a
``Message`` too, and is translated with the text around it; any other value (a code, a path, a
number, a date, an error text from the operating system or a driver) is shown as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType

MESSAGES_CONTEXT = "messages"  # Qt's translation context of the templates
DECIMAL_TEMPLATE = "{whole},{fraction}"  # the decimal comma; English translates it to a point
LABELS_CONTEXT = "labels"  # that of the domain's labels (counter_app/ui/i18n.py, label_strings.py)

# (context, Vietnamese source) → the text in the interface's language; None: Vietnamese as written.
Translate = Callable[[str, str], str]


class Message:
    """A user-facing text: a Vietnamese template, the values of its placeholders, its context.

    ``render()`` gives the Vietnamese text; ``render(translate)`` the text in another language, the
    template (and every nested ``Message`` among the values) looked up through ``translate``.
    """

    __slots__ = ("context", "lower", "params", "template")

    def __init__(self, template: str, /, **params: object) -> None:
        if not isinstance(template, str):
            raise TypeError(f"a message's template is a str, not {type(template).__name__}")
        self.template = template
        self.params: Mapping[str, object] = MappingProxyType(params)
        self.context = MESSAGES_CONTEXT
        self.lower = False

    def render(self, translate: Translate | None = None) -> str:
        """The text, in Vietnamese, or through ``translate`` (the values' messages too)."""
        template = self.template if translate is None else translate(self.context, self.template)
        if self.params:
            values = {name: _rendered(value, translate) for name, value in self.params.items()}
            text = template.format_map(values)
        else:
            text = template
        return text.lower() if self.lower else text

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        params = "".join(f", {name}={value!r}" for name, value in self.params.items())
        return f"Message({self.template!r}{params})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.template, dict(self.params), self.context, self.lower) == (
            other.template,
            dict(other.params),
            other.context,
            other.lower,
        )

    def __hash__(self) -> int:
        return hash((self.template, self.context, self.lower))

    def __reduce__(self) -> tuple[object, ...]:  # pickled with its error (a worker process's answer)
        return _rebuilt, (self.template, dict(self.params), self.context, self.lower)

    @classmethod
    def label(cls, text: str, *, lower: bool = False) -> Message:
        """A domain label (``STATUS_LABELS[…]``, ``ROLE_LABELS[…]`` …) inside a message: translated as
        the UI translates labels (context ``"labels"``), lower-cased when the sentence needs it."""
        message = cls(text)  # extracted from its dict: counter_app/ui/label_strings.py
        message.context = LABELS_CONTEXT
        message.lower = lower
        return message

    @classmethod
    def decimal(cls, amount: Decimal | float, places: int | None = None) -> Message | str:
        """A decimal number as the language writes it: «2,5» in Vietnamese, «2.5» in English (the
        separator is a translated template); a whole number is plain text. ``places``: that many
        decimals, always shown (else as many as the number has)."""
        digits = format(Decimal(amount).normalize(), "f") if places is None else f"{amount:.{places}f}"
        whole, _, fraction = digits.partition(".")
        if not fraction:
            return whole
        return Message(DECIMAL_TEMPLATE, whole=whole, fraction=fraction)

    @classmethod
    def joined(cls, separator: str, parts: Iterable[Message | str]) -> Message:
        """Several texts one after the other (each translated on its own): «A. B. C.»."""
        values = {f"part{i}": part for i, part in enumerate(parts)}
        escaped = separator.replace("{", "{{").replace("}", "}}")
        return cls(escaped.join(f"{{{name}}}" for name in values), **values)  # placeholders only


def _rebuilt(template: str, params: dict[str, object], context: str, lower: bool) -> Message:
    message = Message(template, **params)  # i18n: a pickled Message, extracted where it was written
    message.context, message.lower = context, lower
    return message


def _rendered(value: object, translate: Translate | None) -> object:
    return value.render(translate) if isinstance(value, Message) else value


def as_message(text: Message | str) -> Message:
    """``text`` as a Message (a plain str becomes a template without values)."""
    return text if isinstance(text, Message) else Message(text)  # i18n: extracted where it is written


class UserError(Exception):
    """A mistake the user can correct.

    ``UserError("Không có đơn vị mã «{code}».", code=code, field="unit")``: the template (a literal
    Vietnamese text, or a ``Message`` already built) and the values of its placeholders. ``text`` is
    that ``Message``; ``message`` its Vietnamese rendering (also ``str(exc)`` and ``args[0]``);
    ``field`` the input field the message belongs to (for inline validation), if any.
    """

    def __init__(self, template: str | Message, /, *, field: str | None = None, **params: object) -> None:
        if isinstance(template, Message):
            if params:
                raise TypeError("values are given to the Message, not beside it")
            text = template
        else:
            text = Message(template, **params)  # i18n: the template is extracted at the raise
        self.text = text
        self.message = text.render()
        super().__init__(self.message)
        self.field = field

    @property
    def template(self) -> str:
        """The Vietnamese template: the key of the message's translation."""
        return self.text.template

    @property
    def params(self) -> Mapping[str, object]:
        """The values of the template's placeholders."""
        return self.text.params


class ValidationError(UserError):
    """Input data does not satisfy a rule (CCCD, phone number, date …)."""


class NotFoundError(UserError):
    """A code or identifier that does not exist."""


class TransitionError(UserError):
    """A lifecycle step that is impossible from the dossier's current status."""


class PermissionDenied(UserError):
    """The actor's role does not allow the action."""


def describe_os_error(exc: OSError) -> Message:
    """A file-system error as a fragment of a message (the OS's own text is English on most machines,
    and stays as it is when none of these fits)."""
    if isinstance(exc, FileNotFoundError):
        return Message("không có tệp hay thư mục này")
    if isinstance(exc, IsADirectoryError):
        return Message("đây là một thư mục, không phải tệp")
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return Message("đã có một tệp trùng tên (không phải thư mục)")
    if isinstance(exc, PermissionError):
        return Message("không có quyền truy cập")
    return Message("{reason}", reason=exc.strerror or str(exc))
