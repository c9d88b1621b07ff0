<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Dispatch</name>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="21" />
        <source>Incident / unit</source>
        <translation>事件 / 对象</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="22" />
        <source>Order</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="23" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="24" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/names.py" line="12" />
        <source>Issued</source>
        <translation>已下达</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="25" />
        <source>Issued at</source>
        <translation>下达时间</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="26" />
        <source>Acknowledge by</source>
        <translation>签收时限</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="27" />
        <source>Arrive by</source>
        <translation>要求到达</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="111" />
        <source>%1 (%2 orders)</source>
        <translation>%1（%2 条指令）</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="114" />
        <source>, %1 overdue</source>
        <translation>，%1 条超时</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="141" />
        <source>%1 — overdue</source>
        <translation>%1 — 超时未签收</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board_model.py" line="143" />
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
        <location filename="../../views/dispatch/board.py" line="65" />
        <source>Issue order… (F6)</source>
        <translation>下达指令…（F6）</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="74" />
        <source>Filter by unit, order or incident</source>
        <translation>按对象、指令内容或事件筛选</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="77" />
        <source>All active</source>
        <translation>全部进行中</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="81" />
        <source>Overdue only</source>
        <translation>只看超时</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="117" />
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="118" />
        <source>Departed</source>
        <translation>已出发</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="119" />
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="120" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="121" />
        <source>Refused…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="122" />
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="149" />
        <source>%1 active orders, %2 shown</source>
        <translation>进行中指令 %1 条，显示 %2 条</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="161" />
        <source>%1 orders not acknowledged in time</source>
        <translation>%1 条指令超时未签收</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="176" />
        <source>Selected incident: %1</source>
        <translation>当前事件：%1</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="221" />
        <source>Reason (goes on the incident's timeline):</source>
        <translation>原因（将记入事件时间线）：</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="231" />
        <source>Give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="232" />
        <source>The order has already moved past this step.</source>
        <translation>该指令已越过这一步。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/board.py" line="233" />
        <location filename="../../views/dispatch/board.py" line="236" />
        <source>Dispatch</source>
        <translation>调度</translation>
    </message>
</context>
<context>
    <name>IssueOrderDialog</name>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="42" />
        <source>Issue a dispatch order</source>
        <translation>下达调度指令</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="53" />
        <source>What to do, where, with what (Ctrl+Enter sends)</source>
        <translation>做什么、去哪里、带什么（Ctrl+Enter 下达）</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="60" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="63" />
        <source>Arrive by</source>
        <translation>要求到达</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="78" />
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="79" />
        <source>To</source>
        <translation>下达对象</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="81" />
        <source>Order</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="82" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="83" />
        <source>Acknowledge within</source>
        <translation>签收时限</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="87" />
        <source>Issue</source>
        <translation>下达</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="102" />
        <source>%1 — %2 km</source>
        <translation>%1 — %2 公里</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="130" />
        <source>The incident is no longer in the local database.</source>
        <translation>本地数据库中已没有该事件。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="138" />
        <source>Write what the unit is to do.</source>
        <translation>请填写指令内容。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="139" />
        <source>The order is too long: at most 4,000 characters.</source>
        <translation>指令过长：最多 4,000 个字符。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="141" />
        <source>Choose or type whom the order goes to.</source>
        <translation>请选择或填写下达对象。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="142" />
        <source>The name is too long: at most 200 characters.</source>
        <translation>名称过长：最多 200 个字符。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="144" />
        <source>The arrival time lies in the past.</source>
        <translation>要求到达时间已过。</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/issue_dialog.py" line="145" />
        <source>The acknowledgement time must be between 1 minute and 24 hours.</source>
        <translation>签收时限须在 1 分钟到 24 小时之间。</translation>
    </message>
</context>
</TS>