"""Checking a CAP document, whole: intake (refuse hostile XML before parsing),
then per alert the OASIS schema, the rules the schema cannot express, the
signature when there is one, and the warning it gives. The platform's feed
poller, the client's watched folder and file dialog, and `watchroom cap check`
all call check_document, so they agree on what is accepted.

A feed's alerts are checked one by one: a bad one is refused with its reasons
(listed by path, `entry[3]/alert/...`) and the rest are accepted. An Update or
Cancel may refer to an alert earlier in the same feed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from services.warnings import cap_intake, cap_parse, cap_rules, cap_schema, cap_sign
from services.warnings.cap_findings import CapResult, Finding, Refused
from services.warnings.model import EarlyWarning, Reference

__all__ = ["CapResult", "Finding", "check_document"]


def check_document(data: bytes, *, source_name: str = "", known: Callable[[Reference], bool] | None = None,
                   now: datetime | None = None, trust: str | Path | None = None) -> CapResult:  # fmt: skip
    """Check one document (an alert, or an Atom/RSS feed of alerts). `known(ref)`
    says whether an Update/Cancel's reference is a message the program has;
    `trust` is a PEM file of the CA certificates signed messages must chain to."""
    now = now or datetime.now(UTC)
    result = CapResult(valid=False, source_name=source_name)
    try:
        intake = cap_intake.read(data)
    except Refused as exc:
        result.errors.append(exc.finding)
        return result
    kind, carried = cap_parse.carried(intake.root)
    if not kind:
        name = cap_schema.local(intake.root.tag)
        result.errors.append(Finding("document.kind", f"不是 CAP 预警消息，也不是 Atom/RSS 订阅（根元素是 <{name[:40]}>）", name[:40]))
        return result
    seen: list[EarlyWarning] = []

    def knows(ref: Reference) -> bool:
        """Known to the program, or earlier in this document; True when nobody can tell (no `known`)."""
        if any(w.sender == ref.sender and w.identifier == ref.identifier for w in seen):
            return True
        return known(ref) if known is not None else True

    result.alerts = len(carried)
    for item in carried:
        warning, errors, notes = _one(item, source_name, knows, now, trust)
        result.recommendations.extend(notes)
        if errors:
            result.errors.extend(errors)
            result.refused += 1
        elif warning is not None:
            seen.append(warning)
    if kind == "alert":
        result.valid = not result.errors
    else:
        if not carried:
            result.recommendations.append(Finding("feed.empty", "订阅中没有预警条目", cap_schema.local(intake.root.tag)))
        if result.refused:
            result.recommendations.append(Finding(
                "feed.partly_refused", f"订阅共 {len(carried)} 条预警，{result.refused} 条未通过检查被拒收，其余 {len(seen)} 条可导入", ""))  # fmt: skip
        result.valid = bool(seen) or not result.refused
    result.warnings = seen if result.valid else []
    return result


def _one(item: cap_parse.Carried, source_name: str, known: Callable[[Reference], bool] | None, now: datetime,
         trust: str | Path | None) -> tuple[EarlyWarning | None, list[Finding], list[Finding]]:  # fmt: skip
    """(warning, errors, recommendations) for one alert a document carries."""
    element = item.element
    if element is None and item.text:
        try:
            element = cap_intake.parse_text(item.text).root
        except Refused as exc:
            return None, [Finding(exc.finding.code, exc.finding.message, item.prefix + "content")], []
    if element is None:
        return None, [Finding("feed.no_alert", "条目中没有 CAP 预警内容（只有链接的条目需由平台抓取链接后再导入）",
                              item.prefix.rstrip("/"))], []  # fmt: skip
    errors, notes = cap_schema.validate(element, item.prefix)
    if errors:
        return None, errors, notes
    work, _ = cap_schema.loosen(element, item.prefix, mark=True)
    rules = cap_rules.check(work, item.prefix, known, now)
    notes = notes + rules.recommendations
    if rules.errors:
        return None, rules.errors, notes
    signature = cap_sign.verify(element, trust)
    if signature.state == "invalid":
        return None, [Finding("signature.invalid", signature.reason, item.prefix + "alert/Signature")], notes
    if signature.state == "valid" and not signature.chain_checked:
        notes.append(Finding("rec.signature_unanchored",
                             "签名完整，但未配置信任的根证书，无法确认签名者身份", item.prefix + "alert/Signature"))  # fmt: skip
    warning, parse_notes = cap_parse.to_warning(work, source_name, item.prefix)
    notes = notes + parse_notes
    if signature.state:
        warning = replace(warning, signed_by=signature.subject, signature=signature.state)
    warning = _with_checks(warning, notes)
    return warning, [], notes


def _with_checks(warning: EarlyWarning, notes: list[Finding]) -> EarlyWarning:
    return replace(warning, checks=tuple(n.message for n in notes)[:50])

