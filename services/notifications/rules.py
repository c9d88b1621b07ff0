"""Notifications by SMS or voice call, as both ends describe them: the channels,
the delivery states a recipient goes through, and the timeline text the
platform writes once the gateway has answered."""

from __future__ import annotations

import uuid

CHANNELS = ("sms", "voice")
CHANNEL_NAMES_ZH = {"sms": "短信", "voice": "语音"}
# queued: here, not yet at the platform; logged: the platform's log gateway wrote it down (not sent);
# sent: handed to the carrier; delivered: the carrier confirmed; failed: the gateway refused it.
STATUSES = ("queued", "logged", "sent", "delivered", "failed")
STATUS_NAMES_ZH = {"queued": "待发送", "logged": "已写入日志（未实际发送）", "sent": "已发出", "delivered": "已送达",
                   "failed": "发送失败"}
_NAMESPACE = uuid.UUID("9a3f1c2e-7b4d-4e8a-8c61-2d5e9f0a1b73")


def entry_id(notification_id: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, notification_id))


def entry_body(channel: str, text: str, recipients: list[dict]) -> str:
    counts: dict[str, int] = {}
    for r in recipients:
        counts[r.get("status", "queued")] = counts.get(r.get("status", "queued"), 0) + 1
    states = "，".join(f"{STATUS_NAMES_ZH.get(k, k)} {n} 人" for k, n in counts.items())
    names = "、".join(r["name"] for r in recipients[:10]) + ("等" if len(recipients) > 10 else "")
    return f"{CHANNEL_NAMES_ZH.get(channel, channel)}通知 {names}：{text}（{states}）"
