"""Scoring the MT column against the reference: chrF, BLEU and glossary terms.

Scores come with sacrebleu's signature strings (metric settings and version), and the
result names the model and glossary that produced the MT, so a figure can always be
traced back to what made it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from glossar.bilingual.highlight import english_present
from glossar.bilingual.pairing import BilingualDocument, MtInfo
from glossar.errors import BadInputError, NoModelError
from glossar.i18n import _


@dataclass(slots=True)
class TermScore:
    """One glossary entry: how often it occurs in the German and how often each side renders it."""

    id: str
    de: str
    en: str
    occurrences: int = 0
    in_mt: int = 0
    in_ref: int = 0


@dataclass(slots=True)
class Evaluation:
    """chrF/BLEU of the MT against the reference, and glossary terms right in each column."""

    chrf: float
    bleu: float
    chrf_signature: str
    bleu_signature: str
    sentences: int
    term_occurrences: int
    terms_in_mt: int
    terms_in_ref: int
    mt: MtInfo
    glossary_signature: str
    terms: list[TermScore] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        out = asdict(self)
        out["mt"] = self.mt.to_dict()
        out["chrf"] = round(self.chrf, 2)
        out["bleu"] = round(self.bleu, 2)
        return out


def evaluate(doc: BilingualDocument) -> Evaluation:
    """Score the MT column against the reference (sentences that have both).

    Raises :class:`NoModelError` when the document has no MT and
    :class:`BadInputError` when it has no reference to score against.
    """
    if doc.mt is None:
        raise NoModelError(_("No German→English model installed: nothing to evaluate"))
    scored = [p for p in doc.pairs if p.en_mt is not None and p.en_ref]
    if not scored:
        raise BadInputError(_("The text has no reference translation to evaluate against"))
    from sacrebleu.metrics import BLEU, CHRF

    hyps = [p.en_mt or "" for p in scored]
    refs = [[p.en_ref or "" for p in scored]]
    chrf_metric, bleu_metric = CHRF(), BLEU()
    chrf = chrf_metric.corpus_score(hyps, refs)
    bleu = bleu_metric.corpus_score(hyps, refs)

    per_term: dict[str, TermScore] = {}
    for p in scored:
        for t in p.terms:
            score = per_term.setdefault(t.entry.id, TermScore(t.entry.id, t.entry.de, t.entry.en))
            score.occurrences += 1
            score.in_mt += english_present(t, p.en_mt)
            score.in_ref += english_present(t, p.en_ref)
    terms = list(per_term.values())
    return Evaluation(
        chrf=float(chrf.score),
        bleu=float(bleu.score),
        chrf_signature=str(chrf_metric.get_signature()),
        bleu_signature=str(bleu_metric.get_signature()),
        sentences=len(scored),
        term_occurrences=sum(t.occurrences for t in terms),
        terms_in_mt=sum(t.in_mt for t in terms),
        terms_in_ref=sum(t.in_ref for t in terms),
        mt=doc.mt,
        glossary_signature=doc.glossary_signature,
        terms=terms,
    )
