"""TBX-Basic glossaries: TBX v3 (ISO 30042:2019, DCA style) and the 2008 ``martif`` form.

Writing and reading are separate jobs: :mod:`.writer` builds either form from our entries
(``write_tbx``), :mod:`.reader` turns any TBX file (ours or another tool's) back into
entries (``read``); :mod:`.names` holds what both must agree on (namespace, data
category values, the ``glossar:KEY=VALUE`` note prefix). The mapping of our entry
fields is documented in docs/decisions-formats.md and in :mod:`.writer`.
"""
