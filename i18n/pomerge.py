"""Merge a fresh template (.pot) into a translated catalogue (.po) without losing work.

What a translator did survives a refresh (as GNU msgmerge does it):
- a translation whose English is unchanged is kept, with its ``fuzzy`` flag (an
  unreviewed translation stays unreviewed) and its translator comments (``# ...``);
- when the English of an entry changes, its old translation is kept as a fuzzy
  suggestion (``#, fuzzy`` and ``#| msgid "<old English>"``) instead of being emptied;
- the header (Last-Translator, Language-Team, Plural-Forms, PO-Revision-Date, the
  comment block) is the catalogue's, only POT-Creation-Date and Project-Id-Version
  follow the template;
- entries come in the template's order with its references and extracted comments;
  entries that left the code go.

Only needs ``polib``: ``i18n/refresh.py`` runs it in the virtualenv and the suite's
pytest imports it directly.
"""

import difflib
import os
import sys

import polib

WRAPWIDTH = 78
# Below this similarity an old translation is no suggestion for a new English text.
FUZZY_CUTOFF = 0.6
PLURAL_FORMS = {"de": "nplurals=2; plural=(n != 1);", "zh_CN": "nplurals=1; plural=0;"}
FROM_TEMPLATE = ("Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date")


def merge_catalogs(pot, old, lang):
    """Return a new ``polib.POFile``: the entries of ``pot`` translated from ``old``
    (a ``polib.POFile`` or None) for ``lang``."""
    new = polib.POFile(wrapwidth=WRAPWIDTH)
    new.header = old.header if old is not None and old.header else pot.header
    new.metadata = _metadata(pot, old, lang)
    known, spare = {}, []
    if old is not None:
        for entry in old:
            known.setdefault((entry.msgctxt, entry.msgid), entry)
        wanted = {(entry.msgctxt, entry.msgid) for entry in pot}
        spare = [
            entry
            for entry in list(old) + old.obsolete_entries()
            if entry.msgstr and (entry.msgctxt, entry.msgid) not in wanted
        ]
    for template in pot:
        entry = _copy(template)
        prev = known.get((template.msgctxt, template.msgid))
        if prev is not None and not prev.obsolete:
            entry.msgstr = prev.msgstr
            entry.tcomment = prev.tcomment
            if prev.fuzzy:
                entry.flags.append("fuzzy")
                entry.previous_msgid = prev.previous_msgid
        else:
            # An entry that comes back after having gone (#~) is a suggestion too.
            suggestion = prev if prev is not None and prev.msgstr else _closest(template, spare)
            if suggestion is not None:
                entry.msgstr = suggestion.msgstr
                entry.tcomment = suggestion.tcomment
                entry.flags.append("fuzzy")
                if suggestion.msgid != template.msgid:
                    entry.previous_msgid = suggestion.msgid
        new.append(entry)
    return new


def merge_file(pot_path, po_path, lang):
    pot = polib.pofile(pot_path, wrapwidth=WRAPWIDTH)
    old = polib.pofile(po_path, wrapwidth=WRAPWIDTH) if os.path.exists(po_path) else None
    merge_catalogs(pot, old, lang).save(po_path)


def _copy(template):
    return polib.POEntry(
        msgctxt=template.msgctxt,
        msgid=template.msgid,
        msgstr="",
        occurrences=list(template.occurrences),
        comment=template.comment,
        flags=[flag for flag in template.flags if flag != "fuzzy"],
    )


def _closest(template, candidates):
    best, best_ratio = None, FUZZY_CUTOFF
    for candidate in candidates:
        if candidate.msgctxt != template.msgctxt:
            continue
        matcher = difflib.SequenceMatcher(None, template.msgid, candidate.msgid)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio:
            best, best_ratio = candidate, ratio
    return best


def _metadata(pot, old, lang):
    metadata = dict(old.metadata) if old is not None else dict(pot.metadata)
    for key in FROM_TEMPLATE:
        if key in pot.metadata:
            metadata[key] = pot.metadata[key]
    metadata["Language"] = lang
    metadata["Content-Type"] = "text/plain; charset=UTF-8"
    if not metadata.get("Plural-Forms", "").strip() and lang in PLURAL_FORMS:
        metadata["Plural-Forms"] = PLURAL_FORMS[lang]
    return metadata


if __name__ == "__main__":
    merge_file(*sys.argv[1:4])
