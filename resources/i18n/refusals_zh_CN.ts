<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AuditPanel</name>
        <message>
            <source>Refused</source>
            <translation>拒绝访问</translation>
        </message>
        <message>
            <source>status</source>
            <translation>状态码</translation>
        </message>
        <message>
            <source>reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>stage</source>
            <translation>环节</translation>
        </message>
        <message>
            <source>method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>route</source>
            <translation>接口</translation>
        </message>
        <message>
            <source>certificate subject</source>
            <translation>证书主题</translation>
        </message>
        <message>
            <source>account claimed</source>
            <translation>声称的账号</translation>
        </message>
        <message>
            <source>workstation claimed</source>
            <translation>声称的工作站</translation>
        </message>
        <message>
            <source>not recorded one by one</source>
            <translation>超限未逐条记录数</translation>
        </message>
        <message>
            <source>(not authenticated)</source>
            <translation>（未认证）</translation>
        </message>
        <message>
            <source>platform request</source>
            <translation>平台请求</translation>
        </message>
        <message>
            <source>TLS handshake</source>
            <translation>TLS 握手</translation>
        </message>
        <message>
            <source>CoT listener (TLS handshake)</source>
            <translation>CoT 接入（TLS 握手）</translation>
        </message>
    </context>
</TS>
