"""短信 / 语音通知: notices to people and call groups of the 通讯录, sent by the platform."""
