<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AuditAlert</name>
        <message>
            <source>Audit warning: the platform's audit history no longer matches the checkpoints kept on this workstation (checkpoint %1). It may have been rewritten: tell the security officer.</source>
            <translation>审计警告：平台的审计记录与本机保存的检查点不一致（检查点 %1），可能已被篡改，请报告安全保密管理员。</translation>
        </message>
        <message>
            <source>Audit warning: the platform's audit checkpoint %1 is not signed by the platform's key: tell the security officer.</source>
            <translation>审计警告：平台的审计检查点 %1 的签名无法用平台密钥验证，请报告安全保密管理员。</translation>
        </message>
        <message>
            <source>Audit warning: the platform signs its audit with a different key than before: tell the security officer.</source>
            <translation>审计警告：平台签署审计检查点的密钥与先前不同，请报告安全保密管理员。</translation>
        </message>
        <message>
            <source>Audit warning: the platform's audit checkpoint %1 covers fewer records than an earlier one: tell the security officer.</source>
            <translation>审计警告：平台的审计检查点 %1 覆盖的记录少于之前的检查点，请报告安全保密管理员。</translation>
        </message>
        <message>
            <source>Audit warning: the platform's audit history disagrees with this workstation's copy</source>
            <translation>审计警告：平台的审计记录与本机保存的不一致</translation>
        </message>
    </context>
    <context>
        <name>AuditPanel</name>
        <message>
            <source>any account</source>
            <translation>全部账号</translation>
        </message>
        <message>
            <source>All actions</source>
            <translation>全部操作</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>查询</translation>
        </message>
        <message>
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>账号</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Workstation</source>
            <translation>工作站</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Newer</source>
            <translation>较新</translation>
        </message>
        <message>
            <source>Older</source>
            <translation>较早</translation>
        </message>
        <message>
            <source>Read-only: the platform's audit records, newest first. Nothing here can be changed; `watchroom-server audit verify` checks that none was.</source>
            <translation>只读：平台的审计记录，最新的在前。此处不能修改任何记录；`watchroom-server audit verify` 可校验记录未被篡改。</translation>
        </message>
        <message>
            <source>Not logged in to the platform: the audit is kept there.</source>
            <translation>未登录平台：审计记录保存在平台上。</translation>
        </message>
        <message>
            <source>Only an administrator may read the audit.</source>
            <translation>只有管理员可以查看审计记录。</translation>
        </message>
        <message>
            <source>The audit could not be read from the platform: %1</source>
            <translation>无法从平台读取审计记录：%1</translation>
        </message>
        <message>
            <source>platform</source>
            <translation>平台</translation>
        </message>
        <message>
            <source>hash %1</source>
            <translation>哈希 %1</translation>
        </message>
        <message>
            <source>No audit records match.</source>
            <translation>没有符合条件的审计记录。</translation>
        </message>
        <message>
            <source>Page %1</source>
            <translation>第 %1 页</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>数据变更</translation>
        </message>
        <message>
            <source>Log-in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Failed log-in</source>
            <translation>登录失败</translation>
        </message>
        <message>
            <source>Log-out</source>
            <translation>注销</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <source>Roll-call answer</source>
            <translation>查岗应答</translation>
        </message>
        <message>
            <source>Clearance change</source>
            <translation>权限级别变更</translation>
        </message>
        <message>
            <source>Administration</source>
            <translation>管理操作</translation>
        </message>
        <message>
            <source>Video wall command</source>
            <translation>视频墙指令</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>突发事件</translation>
        </message>
        <message>
            <source>Timeline entry</source>
            <translation>事件记录</translation>
        </message>
        <message>
            <source>Dispatch order</source>
            <translation>调度指令</translation>
        </message>
        <message>
            <source>Video wall</source>
            <translation>视频墙</translation>
        </message>
        <message>
            <source>Roll call</source>
            <translation>查岗</translation>
        </message>
        <message>
            <source>Resource</source>
            <translation>应急资源</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>预警</translation>
        </message>
        <message>
            <source>what</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>file or printer</source>
            <translation>文件或打印机</translation>
        </message>
        <message>
            <source>count</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>feed seq</source>
            <translation>变更序号</translation>
        </message>
        <message>
            <source>workstation time</source>
            <translation>工作站时间</translation>
        </message>
        <message>
            <source>command</source>
            <translation>命令</translation>
        </message>
        <message>
            <source>state</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>by</source>
            <translation>应答人</translation>
        </message>
        <message>
            <source>Time from</source>
            <translation>时间从</translation>
        </message>
    </context>
    <context>
        <name>AuditWiring</name>
        <message>
            <source>&amp;Audit log…</source>
            <translation>审计日志(&amp;A)…</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
    </context>
</TS>