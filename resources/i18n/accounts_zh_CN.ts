<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AccountsDialog</name>
        <message>
            <source>User management</source>
            <translation>用户管理</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Clearance</source>
            <translation>密级</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Workstation</source>
            <translation>工作站</translation>
        </message>
        <message>
            <source>Registered</source>
            <translation>登记时间</translation>
        </message>
        <message>
            <source>No accounts on the platform yet.</source>
            <translation>平台上还没有账户。</translation>
        </message>
        <message>
            <source>No workstation has logged in yet: each is registered at its first log-in.</source>
            <translation>还没有工作站登录过：工作站在首次登录时登记。</translation>
        </message>
        <message>
            <source>&amp;Accounts</source>
            <translation>账户(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Workstations</source>
            <translation>工作站(&amp;W)</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>New account…</source>
            <translation>新建账户…</translation>
        </message>
        <message>
            <source>Role…</source>
            <translation>角色…</translation>
        </message>
        <message>
            <source>Clearance…</source>
            <translation>密级…</translation>
        </message>
        <message>
            <source>Reset password…</source>
            <translation>重置密码…</translation>
        </message>
        <message>
            <source>Deactivate / activate</source>
            <translation>停用 / 启用</translation>
        </message>
        <message>
            <source>End its sessions</source>
            <translation>注销其全部会话</translation>
        </message>
        <message>
            <source>Workstation clearance…</source>
            <translation>工作站密级…</translation>
        </message>
        <message>
            <source>Deactivate / activate workstation</source>
            <translation>停用 / 启用工作站</translation>
        </message>
        <message>
            <source>End sessions on it</source>
            <translation>注销该工作站的会话</translation>
        </message>
        <message>
            <source>Not logged in to the platform: log in first (Platform → Log in).</source>
            <translation>未登录平台：请先登录（平台 → 登录）。</translation>
        </message>
        <message>
            <source>Only an administrator may manage accounts (this log-in is: %1).</source>
            <translation>只有管理员可以管理账户（当前登录的角色：%1）。</translation>
        </message>
        <message>
            <source>active</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>deactivated</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>%1 accounts, %2 workstations.</source>
            <translation>共 %1 个账户、%2 个工作站。</translation>
        </message>
        <message>
            <source>Choose an account in the list first.</source>
            <translation>请先在列表中选择一个账户。</translation>
        </message>
        <message>
            <source>Choose a workstation in the list first.</source>
            <translation>请先在列表中选择一个工作站。</translation>
        </message>
        <message>
            <source>Account %1 created.</source>
            <translation>已创建账户 %1。</translation>
        </message>
        <message>
            <source>Role of %1 (its sessions end):</source>
            <translation>%1 的角色（其会话将被注销）：</translation>
        </message>
        <message>
            <source>Role of %1 changed.</source>
            <translation>已更改 %1 的角色。</translation>
        </message>
        <message>
            <source>Clearance of %1:</source>
            <translation>%1 的密级：</translation>
        </message>
        <message>
            <source>Clearance of %1 changed.</source>
            <translation>已更改 %1 的密级。</translation>
        </message>
        <message>
            <source>Password of %1 reset; its sessions are ended.</source>
            <translation>已重置 %1 的密码，其会话已全部注销。</translation>
        </message>
        <message>
            <source>Deactivate %1? Its sessions end and it cannot log in.</source>
            <translation>停用 %1？其会话将被注销，且不能再登录。</translation>
        </message>
        <message>
            <source>Let %1 log in again?</source>
            <translation>允许 %1 重新登录？</translation>
        </message>
        <message>
            <source>%1 changed.</source>
            <translation>已更改 %1。</translation>
        </message>
        <message>
            <source>End every session of %1 now?</source>
            <translation>立即注销 %1 的全部会话？</translation>
        </message>
        <message>
            <source>Every session of %1 is ended.</source>
            <translation>%1 的全部会话已注销。</translation>
        </message>
        <message>
            <source>Clearance of workstation %1:</source>
            <translation>工作站 %1 的密级：</translation>
        </message>
        <message>
            <source>Deactivate workstation %1? Every session on it ends.</source>
            <translation>停用工作站 %1？其上的全部会话将被注销。</translation>
        </message>
        <message>
            <source>Let workstation %1 log in again?</source>
            <translation>允许工作站 %1 重新登录？</translation>
        </message>
        <message>
            <source>End every session on workstation %1 now?</source>
            <translation>立即注销工作站 %1 上的全部会话？</translation>
        </message>
        <message>
            <source>Every session on %1 is ended.</source>
            <translation>%1 上的全部会话已注销。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Log out &amp;everywhere</source>
            <translation>注销所有会话(&amp;E)</translation>
        </message>
        <message>
            <source>Ends every session of this account, on every workstation</source>
            <translation>在所有工作站上注销本账户的全部会话</translation>
        </message>
        <message>
            <source>&amp;User management…</source>
            <translation>用户管理(&amp;U)…</translation>
        </message>
    </context>
    <context>
        <name>PasswordForm</name>
        <message>
            <source>New account</source>
            <translation>新建账户</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>重置密码</translation>
        </message>
        <message>
            <source>&amp;User name</source>
            <translation>用户名(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Role</source>
            <translation>角色(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Clearance</source>
            <translation>密级(&amp;C)</translation>
        </message>
        <message>
            <source>U&amp;nit (field units)</source>
            <translation>单位（现场队伍）(&amp;N)</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <source>&amp;Password</source>
            <translation>密码(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Again</source>
            <translation>再次输入(&amp;A)</translation>
        </message>
        <message>
            <source>At least %1 characters of %2 kinds</source>
            <translation>至少 %1 个字符，包含 %2 类字符</translation>
        </message>
        <message>
            <source>, not containing the user name</source>
            <translation>，且不得包含用户名</translation>
        </message>
        <message>
            <source>Enter the user name.</source>
            <translation>请输入用户名。</translation>
        </message>
        <message>
            <source>A field unit account needs its unit (resource or team id).</source>
            <translation>现场队伍账户需要填写所属单位（资源或队伍编号）。</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>&amp;Keep the password in the system keyring</source>
            <translation>将密码保存在系统密钥环中(&amp;K)</translation>
        </message>
    </context>
    <context>
        <name>SyncController</name>
        <message>
            <source>The platform could not be told: its session ends when it expires or goes idle.</source>
            <translation>未能通知平台：该会话将在过期或空闲超时后失效。</translation>
        </message>
    </context>
    <context>
        <name>FilePassword</name>
        <message>
            <source>Password in the config file</source>
            <translation>配置文件中的密码</translation>
        </message>
        <message>
            <source>The config file %1 holds a platform password. Anyone who can read the file or a copy of it can act as this account.</source>
            <translation>配置文件 %1 中保存了平台密码。任何能读取该文件或其副本的人都能以此账户操作。</translation>
        </message>
        <message>
            <source>Keep the password in the system keyring or in the variable password_env names instead, and remove it from the file. Use the password in the file anyway? (Asked once on this workstation.)</source>
            <translation>请改将密码保存在系统密钥环中，或保存在 password_env 指定的环境变量中，并从文件中删除。仍要使用文件中的密码吗？（本工作站只询问一次。）</translation>
        </message>
        <message>
            <source>Use it (I accept the risk)</source>
            <translation>使用（我接受此风险）</translation>
        </message>
        <message>
            <source>Do not use it; ask me at log-in</source>
            <translation>不使用，登录时询问我</translation>
        </message>
    </context>
    <context>
        <name>Accounts</name>
        <message>
            <source>Duty officer</source>
            <translation>值班员</translation>
        </message>
        <message>
            <source>Duty chief</source>
            <translation>值班长</translation>
        </message>
        <message>
            <source>Commander</source>
            <translation>指挥长</translation>
        </message>
        <message>
            <source>Viewer</source>
            <translation>查看者</translation>
        </message>
        <message>
            <source>Field unit</source>
            <translation>现场队伍</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>管理员</translation>
        </message>
        <message>
            <source>Public (0)</source>
            <translation>公开（0）</translation>
        </message>
        <message>
            <source>Internal (1)</source>
            <translation>内部（1）</translation>
        </message>
        <message>
            <source>Level %1</source>
            <translation>%1 级</translation>
        </message>
        <message>
            <source>The password needs at least %1 characters.</source>
            <translation>密码至少需要 %1 个字符。</translation>
        </message>
        <message>
            <source>The password is longer than 200 characters.</source>
            <translation>密码超过 200 个字符。</translation>
        </message>
        <message>
            <source>The password needs characters of at least %1 kinds (lower case, upper case, digits, others).</source>
            <translation>密码至少需要包含 %1 类字符（小写字母、大写字母、数字、其他字符）。</translation>
        </message>
        <message>
            <source>The password must not contain the user name.</source>
            <translation>密码不得包含用户名。</translation>
        </message>
        <message>
            <source>The password holds control characters.</source>
            <translation>密码含有控制字符。</translation>
        </message>
        <message>
            <source>The password does not meet the platform's rules.</source>
            <translation>密码不符合平台的规则。</translation>
        </message>
        <message>
            <source>Not logged in to the platform: log in first.</source>
            <translation>未登录平台：请先登录。</translation>
        </message>
        <message>
            <source>The platform cannot be reached; nothing was changed.</source>
            <translation>无法连接平台，未做任何更改。</translation>
        </message>
        <message>
            <source>Only an administrator may manage accounts.</source>
            <translation>只有管理员可以管理账户。</translation>
        </message>
        <message>
            <source>No such account or workstation on the platform (refresh the list).</source>
            <translation>平台上没有该账户或工作站（请刷新列表）。</translation>
        </message>
        <message>
            <source>Refused: the name is taken, or an administrator may not deactivate or demote their own account.</source>
            <translation>被拒绝：该名称已被使用，或管理员不能停用或降级自己的账户。</translation>
        </message>
        <message>
            <source>The platform refused the values entered.</source>
            <translation>平台拒绝了所输入的内容。</translation>
        </message>
        <message>
            <source>The platform could not carry this out.</source>
            <translation>平台未能执行此操作。</translation>
        </message>
    </context>
</TS>