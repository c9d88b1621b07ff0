<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TlsProblems</name>
    <message>
        <source>the platform refused this workstation's certificate (not registered, or another workstation's)</source>
        <translation>平台拒绝了本工作站的证书（未登记，或属于另一台工作站）</translation>
    </message>
    <message>
        <source>platform certificate not trusted: not signed by the centre's CA (check [sync] ca_file)</source>
        <translation>平台证书不受信任：不是本中心 CA 签发的（请检查 [sync] ca_file）</translation>
    </message>
    <message>
        <source>platform certificate expired or not yet valid: connection refused</source>
        <translation>平台证书已过期或尚未生效，已拒绝连接</translation>
    </message>
    <message>
        <source>platform certificate does not match its address: connection refused</source>
        <translation>平台证书与其地址不符，已拒绝连接</translation>
    </message>
    <message>
        <source>the platform requires this workstation's certificate or refused it (check [sync] client_cert)</source>
        <translation>平台要求本工作站的证书，或拒绝了所出示的证书（请检查 [sync] client_cert）</translation>
    </message>
    <message>
        <source>the CA or certificate files of this workstation cannot be used (check [sync] ca_file, client_cert, client_key)</source>
        <translation>本工作站的 CA 或证书文件无法使用（请检查 [sync] ca_file、client_cert、client_key）</translation>
    </message>
    <message>
        <source>the encrypted (TLS) connection to the platform failed (it may have refused this workstation's certificate: another CA, or revoked)</source>
        <translation>与平台的加密连接（TLS）建立失败（平台可能拒绝了本工作站的证书：非本中心 CA 签发，或已吊销）</translation>
    </message>
    <message>
        <source>this workstation's certificate has expired or is not yet valid (renew [sync] client_cert)</source>
        <translation>本工作站的证书已过期或尚未生效（请更换 [sync] client_cert）</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Password (administrators only)</source>
        <translation>密码（仅管理员填写）</translation>
    </message>
</context>
</TS>
