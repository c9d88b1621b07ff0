<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Conference</name>
    <message>
        <location filename="../../views/conference/panel.py" line="51" />
        <source>Invite to the conference</source>
        <translation>邀请参加会商</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="52" />
        <source>Find sites or people: name, phone or pinyin initials</source>
        <translation>查找单位或人员：名称、电话或拼音首字母</translation>
    </message>
</context>
<context>
    <name>ConferencePanel</name>
    <message>
        <source>Only the site that opened this conference may invite to it or close it.</source>
        <translation>只有发起会商的单位可以邀请或结束此会商。</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="80" />
        <source>Open a conference…</source>
        <translation>发起会商…</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="82" />
        <source>Invite…</source>
        <translation>邀请…</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="84" />
        <location filename="../../views/conference/panel.py" line="241" />
        <source>Close the conference</source>
        <translation>结束会商</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="87" />
        <source>Participant</source>
        <translation>参会方</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="87" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="87" />
        <source>Joined</source>
        <translation>入会</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="88" />
        <source>Muted</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="88" />
        <source>Speaking</source>
        <translation>发言</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="96" />
        <source>Minutes or a decision (Ctrl+Enter: minutes)</source>
        <translation>纪要或决定（Ctrl+Enter 记入纪要）</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="98" />
        <source>Record minutes</source>
        <translation>记入纪要</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="100" />
        <source>Record a decision</source>
        <translation>记为决定</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="145" />
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="145" />
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="162" />
        <source>Site</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="162" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="163" />
        <source>muted</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="164" />
        <source>speaking</source>
        <translation>正在发言</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="173" />
        <source>Conference: %1</source>
        <translation>会商：%1</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="213" />
        <source>Open a conference</source>
        <translation>发起会商</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="213" />
        <source>Title:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="214" />
        <source>Conference on %1</source>
        <translation>关于%1的会商</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="242" />
        <source>Close “%1”? Its minutes stay on the incident's timeline.</source>
        <translation>结束“%1”？纪要和决定保留在事件时间线上。</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="265" />
        <location filename="../../views/conference/panel.py" line="267" />
        <location filename="../../views/conference/panel.py" line="269" />
        <source>Conference</source>
        <translation>会商</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="269" />
        <source>The conference or its incident is gone.</source>
        <translation>该会商或其事件已不存在。</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="1" />
        <source>No conference is open. Select an incident in the log first, then click “Open a conference…” to invite sites and people.</source>
        <translation>当前没有进行中的会商。请先在事件接报中选择一起事件，再点击“发起会商…”邀请单位和人员。</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="1" />
        <source>No conference on this incident yet. Click “Open a conference…” to invite sites and people from the contacts; each site's video appears here once it joins.</source>
        <translation>该事件还没有会商。点击“发起会商…”从通讯录邀请单位和人员；各单位入会后，其视频显示在这里。</translation>
    </message>
    <message>
        <location filename="../../views/conference/panel.py" line="1" />
        <source>The video of each site appears here once it joins with a camera.</source>
        <translation>各单位带视频入会后，画面显示在这里。</translation>
    </message>
</context>
<context>
    <name>ContactImport</name>
    <message>
        <location filename="../../views/contacts/panel.py" line="115" />
        <source>Import the contact directory</source>
        <translation>导入应急通讯录</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="116" />
        <source>File (CSV or Excel)</source>
        <translation>文件（CSV 或 Excel）</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="117" />
        <source>Contact lists (*.csv *.xlsx)</source>
        <translation>通讯录 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="120" />
        <source>Columns: 类型 (单位/人员/群组), 名称, 上级单位, 职务, 值班电话, 手机, 成员, 备注</source>
        <translation>列：类型（单位/人员/群组）、名称、上级单位、职务、值班电话、手机、成员、备注</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="131" />
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="132" />
        <source>The file is larger than 20 MB.</source>
        <translation>文件超过 20 MB。</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="133" />
        <source>The file has more than 50,000 rows.</source>
        <translation>文件超过 50,000 行。</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="134" />
        <source>The file holds no contacts.</source>
        <translation>文件中没有联系人。</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="135" />
        <source>The file is neither UTF-8 nor GBK text.</source>
        <translation>文件既不是 UTF-8 也不是 GBK 编码。</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="136" />
        <source>The header needs at least the columns 类型 and 名称 (or kind and name).</source>
        <translation>表头至少需要“类型”和“名称”两列（或 kind 和 name）。</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="138" />
        <source>The file is not a readable Excel workbook.</source>
        <translation>文件不是可读取的 Excel 工作簿。</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="143" />
        <source>is required</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="144" />
        <source>must be 单位, 人员 or 群组</source>
        <translation>须为“单位”“人员”或“群组”</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="145" />
        <source>is not a phone number</source>
        <translation>不是电话号码</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="146" />
        <source>is too long</source>
        <translation>过长</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="147" />
        <source>repeats row %1</source>
        <translation>与第 %1 行重复</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="148" />
        <source>no person of this name in the file</source>
        <translation>文件中没有此人</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="149" />
        <source>several people have this name</source>
        <translation>文件中有多人同名</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="154" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="155" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="156" />
        <source>Duty phone</source>
        <translation>值班电话</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="157" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="158" />
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="159" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="160" />
        <source>Members</source>
        <translation>成员</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <location filename="../../views/contacts/picker.py" line="52" />
        <source>%1 (group of %2)</source>
        <translation>%1（群组，%2 人）</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <location filename="../../views/contacts/panel.py" line="37" />
        <source>Name, phone or pinyin initials (wjg)</source>
        <translation>姓名、电话或拼音首字母（如 wjg）</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="45" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="79" />
        <source>Call groups</source>
        <translation>群组</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="92" />
        <source>%1 (%2 people)</source>
        <translation>%1（%2 人）</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="102" />
        <source>Duty phone: %1</source>
        <translation>值班电话：%1</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="103" />
        <source>Mobile: %1</source>
        <translation>手机：%1</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="1" />
        <source>No contacts yet: import the directory with “Import…” above (CSV or Excel), or File ▸ Import contacts…</source>
        <translation>通讯录为空：用上方的“导入…”导入通讯录（CSV 或 Excel），或使用“文件 ▸ 导入通讯录…”。</translation>
    </message>
    <message>
        <location filename="../../views/contacts/panel.py" line="1" />
        <source>Nobody matches “%1”.</source>
        <translation>没有与“%1”相符的联系人。</translation>
    </message>
</context>
<context>
    <name>Dispatch</name>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="22" />
        <source>Incident / unit</source>
        <translation>事件 / 对象</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="23" />
        <source>Order</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="24" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="25" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="12" />
        <source>Issued</source>
        <translation>已下达</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="26" />
        <source>Issued at</source>
        <translation>下达时间</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="27" />
        <source>Acknowledge by</source>
        <translation>签收时限</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="28" />
        <source>Arrive by</source>
        <translation>要求到达</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="134" />
        <source>%1 (%2 orders)</source>
        <translation>%1（%2 条指令）</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="137" />
        <source>, %1 overdue</source>
        <translation>，%1 条超时</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="116" />
        <source>%1 — overdue</source>
        <translation>%1 — 超时未签收</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="118" />
        <source> (pending sync)</source>
        <translation>（待同步）</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="13" />
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="14" />
        <source>Departed</source>
        <translation>已出发</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="15" />
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="16" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="17" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="18" />
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="24" />
        <source>Most urgent</source>
        <translation>特急</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="25" />
        <source>Urgent</source>
        <translation>急</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="26" />
        <source>Routine</source>
        <translation>平</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="32" />
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="33" />
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="34" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="35" />
        <source>Call group</source>
        <translation>群组</translation>
    </message>
</context>
<context>
    <name>DispatchBoard</name>
    <message>
        <location filename="../../views/dispatch/board.py" line="76" />
        <source>Issue order… (F6)</source>
        <translation>下达指令…（F6）</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="78" />
        <source>Notify…</source>
        <translation>通知…</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="79" />
        <source>SMS or voice notice to people and call groups</source>
        <translation>向人员和群组发送短信或语音通知</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="90" />
        <source>Filter by unit, order or incident</source>
        <translation>按对象、指令内容或事件筛选</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="93" />
        <source>All active</source>
        <translation>全部进行中</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="97" />
        <source>Overdue only</source>
        <translation>只看超时</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="125" />
        <source>Notifications</source>
        <translation>通知记录</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="145" />
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="146" />
        <source>Departed</source>
        <translation>已出发</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="147" />
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="148" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="149" />
        <source>Refused…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="150" />
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="180" />
        <source>%1 active orders, %2 shown</source>
        <translation>进行中指令 %1 条，显示 %2 条</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="192" />
        <source>%1 orders not acknowledged in time</source>
        <translation>%1 条指令超时未签收</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="208" />
        <source>Selected incident: %1</source>
        <translation>当前事件：%1</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="268" />
        <source>Reason (goes on the incident's timeline):</source>
        <translation>原因（将记入事件时间线）：</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="278" />
        <source>Give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="279" />
        <source>The order has already moved past this step.</source>
        <translation>该指令已越过这一步。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="280" />
        <location filename="../../views/dispatch/board.py" line="283" />
        <source>Dispatch</source>
        <translation>调度</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="1" />
        <source>No active orders. Press F6 (Issue order…) to send one to a unit for the selected incident.</source>
        <translation>暂无进行中的调度指令。按 F6（下达指令…）为选中的事件向单位下达指令。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="1" />
        <source>No active orders. Select an incident, then press F6 (Issue order…) to send one to a unit.</source>
        <translation>暂无进行中的调度指令。先选择一起事件，再按 F6（下达指令…）向单位下达指令。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="1" />
        <source>No notifications yet: “Notify…” sends an SMS or a voice call to people and call groups.</source>
        <translation>暂无通知记录：用“通知…”向人员和通知群组发送短信或语音通知。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="1" />
        <source>No order matches the filter.</source>
        <translation>没有符合筛选条件的指令。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="1" />
        <source>The orders could not be read: %1</source>
        <translation>无法读取调度指令：%1</translation>
    </message>
</context>
<context>
    <name>IssueOrderDialog</name>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="44" />
        <source>Issue a dispatch order</source>
        <translation>下达调度指令</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="56" />
        <source>What to do, where, with what (Ctrl+Enter sends)</source>
        <translation>做什么、去哪里、带什么（Ctrl+Enter 下达）</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="63" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="66" />
        <source>Arrive by</source>
        <translation>要求到达</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="81" />
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="82" />
        <source>To</source>
        <translation>下达对象</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="84" />
        <source>Order</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="85" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="86" />
        <source>Acknowledge within</source>
        <translation>签收时限</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="90" />
        <source>Issue</source>
        <translation>下达</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="105" />
        <source>%1 — %2 km</source>
        <translation>%1 — %2 公里</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="140" />
        <source>The incident is no longer in the local database.</source>
        <translation>本地数据库中已没有该事件。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="148" />
        <source>Write what the unit is to do.</source>
        <translation>请填写指令内容。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="149" />
        <source>The order is too long: at most 4,000 characters.</source>
        <translation>指令过长：最多 4,000 个字符。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="151" />
        <source>Choose or type whom the order goes to.</source>
        <translation>请选择或填写下达对象。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="152" />
        <source>The name is too long: at most 200 characters.</source>
        <translation>名称过长：最多 200 个字符。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="154" />
        <source>The arrival time lies in the past.</source>
        <translation>要求到达时间已过。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="155" />
        <source>The acknowledgement time must be between 1 minute and 24 hours.</source>
        <translation>签收时限须在 1 分钟到 24 小时之间。</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../views/dispatch/notice_log.py" line="19" />
        <source>Waiting to be sent</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notice_log.py" line="20" />
        <source>Written to the platform's log — NOT sent</source>
        <translation>已写入平台日志 — 未实际发送</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notice_log.py" line="21" />
        <source>Sent</source>
        <translation>已发出</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notice_log.py" line="22" />
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notice_log.py" line="23" />
        <source>Failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notice_log.py" line="28" />
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notice_log.py" line="29" />
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notice_log.py" line="37" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notice_log.py" line="38" />
        <source>By</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notice_log.py" line="39" />
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notice_log.py" line="40" />
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notice_log.py" line="41" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notice_log.py" line="42" />
        <source>Message</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>NotifyDialog</name>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="34" />
        <source>Notify by SMS or voice</source>
        <translation>短信或语音通知</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="36" />
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="37" />
        <source>Voice call</source>
        <translation>语音电话</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="46" />
        <source>Find people or groups: name, phone or pinyin initials</source>
        <translation>查找人员或群组：姓名、电话或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="51" />
        <source>Message (at most 500 characters)</source>
        <translation>通知内容（最多 500 字）</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="55" />
        <source>Messages go out through the platform's gateway. The reference platform has none: it writes them to its log, and the status says so.</source>
        <translation>通知经平台网关发出。参考平台未接短信/语音网关：只写入平台日志，状态中会如实注明。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="59" />
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="59" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="60" />
        <source>By</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="61" />
        <source>To</source>
        <translation>发送对象</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="63" />
        <source>Message</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="67" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="79" />
        <source>%1 people: %2</source>
        <translation>共 %1 人：%2</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="102" />
        <source>Write the message.</source>
        <translation>请填写通知内容。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="103" />
        <source>The message is too long: at most 500 characters.</source>
        <translation>通知内容过长：最多 500 字。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="105" />
        <source>No phone number for: %1</source>
        <translation>以下人员没有电话号码：%1</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/notify_dialog.py" line="106" />
        <source>Choose at least one person or group.</source>
        <translation>请至少选择一个人员或群组。</translation>
    </message>
</context>
</TS>