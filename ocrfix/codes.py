"""Tokens that are code, a URL or an e-mail address: no words, so no strategy repairs them as words.

The dictionary leaves them as printed (:func:`ocrfix.strategies.dictionary.protect.protected_reason`), puts no
space after a full stop inside them, and the layout strategy keeps a line's stray-looking marks where the line
holds one (a caret in ``a ^ b`` of a code line).

>>> is_code_or_address("www.example.org"), is_code_or_address("snake_case"), is_code_or_address("word.")
(True, True, False)
>>> is_code_or_address("${misc:Depends}.")
True
"""
from __future__ import annotations

import regex

# an e-mail address has a domain with a dot after its "@" ("per@uaded" is a misread "s")
URL_OR_EMAIL = regex.compile(r"(?i)(?:https?://|ftp://|www\.|mailto:|\S@[\w\-]+\.\w)")
# snake_case, key=, call(x), <tag>, item[0], a path std::io, a list {old,new} or [a,b] (OCR noise brings
# no such matched pair with a comma inside), a shell's or a build file's variable ${name}, an escape \f (a
# backslash and one lower-case letter alone; "\Vashington", a W read as \V, stays repairable), a file extension
# .c, .py, .html (a full stop glued before one to four letters: prose puts a full stop after a word, not before
# it; "...and" is an ellipsis, and ".yping" a misread first letter of "typing", as the dictionary's
# LOST_LETTER_MARKS says)
CODE = regex.compile(r"\w_\w|\w=|\w\(.*\)|</?\w+>|\w\[.*\]|\w::\w|[{\[][^\s{}\[\]]*,[^\s{}\[\]]*[}\]]|\$\{\w"
                     r"|^\\\p{Ll}\p{P}*$|^\.\p{Ll}{1,4}(?!\p{L})")
# Every URL, e-mail or code pattern above needs one of these characters: a token without them is searched for none.
URL_OR_CODE_MARKS = frozenset("_=(<[:{\\@.")


def is_code_or_address(token: str) -> bool:
    """Does ``token`` hold code or a URL or e-mail address (:data:`CODE`, :data:`URL_OR_EMAIL`)?"""
    return bool(URL_OR_EMAIL.search(token) or CODE.search(token))
