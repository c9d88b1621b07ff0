<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CellDialog</name>
    <message>
        <source>%1 · %2, place %3</source>
        <translation>%1 · %2第 %3 人</translation>
    </message>
    <message>
        <source>Find in the directory: name, phone or pinyin initials</source>
        <translation>在通讯录中查找：姓名、电话或拼音首字母</translation>
    </message>
    <message>
        <source>From the directory (or type a name and phone below):</source>
        <translation>从通讯录中选择（或在下方填写姓名和电话）：</translation>
    </message>
    <message>
        <source>Leave vacant</source>
        <translation>设为空缺</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Who is on duty here</source>
        <translation>安排值班人员</translation>
    </message>
</context>
<context>
    <name>Duty</name>
    <message>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>The roster place of this swap is no longer in the local database.</source>
        <translation>本地数据库中已找不到该调班对应的排班岗位。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Directory entry</source>
        <translation>通讯录条目</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Watch room</source>
        <translation>值班室</translation>
    </message>
    <message>
        <source>%1 must be 1 to %2 characters.</source>
        <translation>%1须为 1 至 %2 个字符。</translation>
    </message>
    <message>
        <source>%1 must be at most %2 characters.</source>
        <translation>%1不能超过 %2 个字符。</translation>
    </message>
    <message>
        <source>%1 must be a time of day such as 08:30.</source>
        <translation>%1须为时刻，例如 08:30。</translation>
    </message>
    <message>
        <source>The time zone is not known.</source>
        <translation>无法识别该时区。</translation>
    </message>
    <message>
        <source>A shift of %1 hours is longer than the maximum of %2 hours.</source>
        <translation>班次时长 %1 小时，超过规定上限 %2 小时。</translation>
    </message>
    <message>
        <source>Each post needs a known post and 1 to 9 people.</source>
        <translation>每个岗位须为已知岗位，人数 1 至 9 人。</translation>
    </message>
    <message>
        <source>The phone number is not valid.</source>
        <translation>电话号码格式不正确。</translation>
    </message>
    <message>
        <source>A shift's times cannot change once made: retire it and add a new one.</source>
        <translation>班次时间创建后不可更改：请停用该班次后另建一个。</translation>
    </message>
    <message>
        <source>%1 cannot be taken over yet: the shift before it (%2) has not handed over. Wait for its handover, or take over with an override and its reason.</source>
        <translation>%1 暂不能接班：上一班（%2）尚未交班。请等待其交班，或填写原因后强制接班。</translation>
    </message>
    <message>
        <source>%1 cannot take part in this swap (the same person, or not on that shift).</source>
        <translation>%1 不能参与此次调班（是同一人，或不在该班次）。</translation>
    </message>
    <message>
        <source>%1 has handed over already.</source>
        <translation>%1 已经交班。</translation>
    </message>
    <message>
        <source>%1 is already on duty on the overlapping shift %2.</source>
        <translation>%1 已在时间重叠的班次 %2 值班。</translation>
    </message>
    <message>
        <source>%1 is not under way or about to start: sign in to the current shift.</source>
        <translation>%1 既未在当班，也不是即将开始的班次：请签到当前班次。</translation>
    </message>
    <message>
        <source>%1 is too far from today for the roster.</source>
        <translation>%1 距今天太远，不能排班。</translation>
    </message>
    <message>
        <source>%1 would be on duty %3 hours without a break, more than the room allows.</source>
        <translation>%1 将连续值班 %3 小时，超过本值班室允许的时长。</translation>
    </message>
    <message>
        <source>%1, place %2</source>
        <translation>%1第 %2 人</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: a post is vacant (%2).</source>
        <translation>%1：有岗位空缺（%2）。</translation>
    </message>
    <message>
        <source>A rota repeats a cycle of 1 to 62 days over at most a year.</source>
        <translation>轮班周期须为 1 至 62 天，重复范围最长一年。</translation>
    </message>
    <message>
        <source>Account %1 (%2) may not approve or reject swaps: only the duty chief or an admin may.</source>
        <translation>账号 %1（%2）无权审批调班：只有值班长或管理员可以审批。</translation>
    </message>
    <message>
        <source>Account %1 (%2) may not change the roster: only the duty chief or an admin may.</source>
        <translation>账号 %1（%2）无权修改排班：只有值班长或管理员可以修改。</translation>
    </message>
    <message>
        <source>An item cannot be handed over: %1</source>
        <translation>有事项无法移交：%1</translation>
    </message>
    <message>
        <source>Dispatch orders awaiting acknowledgement or overdue</source>
        <translation>待签收或已超时的调度指令</translation>
    </message>
    <message>
        <source>Duty chief</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <source>Equipment faults</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <source>Further items</source>
        <translation>其他事项</translation>
    </message>
    <message>
        <source>Give a reason when declining or not approving a swap.</source>
        <translation>拒绝或不批准调班时，请填写原因。</translation>
    </message>
    <message>
        <source>Give the person's name.</source>
        <translation>请填写人员姓名。</translation>
    </message>
    <message>
        <source>Give the platform account to sign in with.</source>
        <translation>请填写签到所用的平台账号。</translation>
    </message>
    <message>
        <source>Leader on duty</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <source>Only pending items, equipment faults and instructions are added by hand.</source>
        <translation>只有待办事项、设备故障和领导批示可以手工添加。</translation>
    </message>
    <message>
        <source>Open conferences</source>
        <translation>进行中的会商</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>未结事件</translation>
    </message>
    <message>
        <source>Operations the platform refused</source>
        <translation>被平台拒绝的操作</translation>
    </message>
    <message>
        <source>Pending items</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Platform records this workstation refused</source>
        <translation>本机拒收的平台记录</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <source>Reports due in the next shift</source>
        <translation>下一班内需报送的报告</translation>
    </message>
    <message>
        <source>Say what is questioned about “%1”.</source>
        <translation>请说明对“%1”存疑的内容。</translation>
    </message>
    <message>
        <source>Superiors' instructions</source>
        <translation>领导批示</translation>
    </message>
    <message>
        <source>Technical support</source>
        <translation>技术保障</translation>
    </message>
    <message>
        <source>The days of the cycle from %1 hold nobody to repeat.</source>
        <translation>自 %1 起的周期内尚未排人，没有可重复的内容。</translation>
    </message>
    <message>
        <source>The handover is no longer in the local database.</source>
        <translation>本地数据库中已没有该交接班记录。</translation>
    </message>
    <message>
        <source>The handover of %1 is closed: it stays as it is.</source>
        <translation>%1 的交接班已完成，不能再修改。</translation>
    </message>
    <message>
        <source>The handover of %1 still has %2 items to confirm or question.</source>
        <translation>%1 的交班还有 %2 项尚未确认或提出存疑。</translation>
    </message>
    <message>
        <source>The item “%1” is marked already.</source>
        <translation>事项“%1”已经标记过。</translation>
    </message>
    <message>
        <source>The roster of %1 is published: its posts may not be left vacant. Put someone in instead, or arrange a swap.</source>
        <translation>%1 的排班已发布，岗位不得空缺。请改派他人，或安排调班。</translation>
    </message>
    <message>
        <source>The shift %1 cannot be saved: %2</source>
        <translation>班次 %1 无法保存：%2</translation>
    </message>
    <message>
        <source>The shift %1 has no such place for the post %2.</source>
        <translation>班次 %1 的%2岗位没有这个名额。</translation>
    </message>
    <message>
        <source>The shift is not one of this watch room's (retired or unknown).</source>
        <translation>该班次不属于本值班室（已停用或不存在）。</translation>
    </message>
    <message>
        <source>The swap is %1 already; it cannot be %2 now.</source>
        <translation>该调班当前为“%1”，不能再改为“%2”。</translation>
    </message>
    <message>
        <source>The swap is no longer in the local database.</source>
        <translation>本地数据库中已没有该调班记录。</translation>
    </message>
    <message>
        <source>This watch room has no shifts yet.</source>
        <translation>本值班室尚未设置班次。</translation>
    </message>
    <message>
        <source>Write what the item is.</source>
        <translation>请填写事项内容。</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>acknowledgement due</source>
        <translation>签收时限</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>arrival due</source>
        <translation>到场时限</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>follow-up report due</source>
        <translation>续报时限</translation>
    </message>
    <message>
        <source>handed over, awaiting confirmation</source>
        <translation>已交班，待接班确认</translation>
    </message>
    <message>
        <source>initial report due</source>
        <translation>首报时限</translation>
    </message>
    <message>
        <source>not approved</source>
        <translation>未批准</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>已提出</translation>
    </message>
    <message>
        <source>questioned</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>taken over</source>
        <translation>已接班</translation>
    </message>
    <message>
        <source>to confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>…另有 %1 项。</translation>
    </message>
</context>
<context>
    <name>DutyLog</name>
    <message>
        <source>%1 items</source>
        <translation>%1 项</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Override: %1</source>
        <translation>强制接班：%1</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Taken over</source>
        <translation>接班</translation>
    </message>
</context>
<context>
    <name>DutyPanel</name>
    <message>
        <source>%1 of %2 days published</source>
        <translation>%2 天中已发布 %1 天</translation>
    </message>
    <message>
        <source>%1 places vacant · %2</source>
        <translation>空缺 %1 人 · %2</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>Confirm the handover…</source>
        <translation>接班确认…</translation>
    </message>
    <message>
        <source>Fill by rota…</source>
        <translation>按轮班周期填充…</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>交班…</translation>
    </message>
    <message>
        <source>Handover records…</source>
        <translation>交接班记录…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Leave vacant</source>
        <translation>设为空缺</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>No handover is awaiting confirmation.</source>
        <translation>没有待接班确认的交班。</translation>
    </message>
    <message>
        <source>No shift is under way: nothing to hand over.</source>
        <translation>当前没有进行中的班次，无需交班。</translation>
    </message>
    <message>
        <source>Offer a swap…</source>
        <translation>申请调班…</translation>
    </message>
    <message>
        <source>Publish the roster</source>
        <translation>发布排班</translation>
    </message>
    <message>
        <source>Publish the roster from %1 to %2? Every post of every shift must be filled.</source>
        <translation>发布 %1 至 %2 的排班？每个班次的每个岗位都必须安排人员。</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Roster not changed</source>
        <translation>排班未修改</translation>
    </message>
    <message>
        <source>Shifts…</source>
        <translation>班次设置…</translation>
    </message>
    <message>
        <source>Swaps…</source>
        <translation>调班…</translation>
    </message>
    <message>
        <source>Take over (sign in)…</source>
        <translation>接班签到…</translation>
    </message>
    <message>
        <source>The roster could not be read: %1</source>
        <translation>排班无法读取：%1</translation>
    </message>
    <message>
        <source>This watch room has no shifts yet: “Shifts…” sets them up (for example 白班 08:30–17:30 and 夜班 17:30–08:30).</source>
        <translation>本值班室尚未设置班次：请点击“班次设置…”进行设置（例如白班 08:30–17:30、夜班 17:30–08:30）。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>%1 起一周</translation>
    </message>
    <message>
        <source>Who is on duty here…</source>
        <translation>安排值班人员…</translation>
    </message>
    <message>
        <source>published</source>
        <translation>已发布</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>%1 items to confirm</source>
        <translation>%1 项待确认</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Confirm selected</source>
        <translation>确认所选</translation>
    </message>
    <message>
        <source>Deadline / details</source>
        <translation>时限/详情</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Hand over %1: %2 items from the shift's records. Add what else the next shift must know, then hand over.</source>
        <translation>%1 交班：已从本班记录中整理出 %2 项。请补充下一班还需了解的事项，然后交班。</translation>
    </message>
    <message>
        <source>Hand over %1: building the package…</source>
        <translation>%1 交班：正在整理交班事项…</translation>
    </message>
    <message>
        <source>Hand over the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Handing over…</source>
        <translation>正在交班…</translation>
    </message>
    <message>
        <source>Handover of %1 by %2 at %3: %4</source>
        <translation>%1：%2 于 %3 交班，%4</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Nothing open: no item to hand over.</source>
        <translation>没有未办结的事项，无需移交。</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Question selected…</source>
        <translation>对所选提出存疑…</translation>
    </message>
    <message>
        <source>Question the items</source>
        <translation>提出存疑</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Save the handover as PDF</source>
        <translation>将交接班记录导出为 PDF</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Shift handover record</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Take over (close)</source>
        <translation>完成接班</translation>
    </message>
    <message>
        <source>The PDF could not be saved to %1: %2</source>
        <translation>PDF 无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>The printer could not be used; nothing was printed.</source>
        <translation>打印机无法使用，未打印任何内容。</translation>
    </message>
    <message>
        <source>What is in question?</source>
        <translation>存疑内容：</translation>
    </message>
    <message>
        <source>taken over by %1</source>
        <translation>已由 %1 接班</translation>
    </message>
    <message>
        <source>what the next shift must know or do</source>
        <translation>下一班需要了解或办理的事项</translation>
    </message>
</context>
<context>
    <name>HandoverDocument</name>
    <message>
        <source>Shift handover record</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <source>no report due</source>
        <translation>暂无报送时限</translation>
    </message>
    <message>
        <source>%1 in all, %2 questioned, %3 to confirm</source>
        <translation>共 %1 项，存疑 %2 项，待确认 %3 项</translation>
    </message>
    <message>
        <source>%1. %2 (%3)</source>
        <translation>%1. %2（%3）</translation>
    </message>
    <message>
        <source>Deadline / details</source>
        <translation>时限/详情</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>交班人</translation>
    </message>
    <message>
        <source>Handed over by: %1</source>
        <translation>交班人：%1</translation>
    </message>
    <message>
        <source>Handed over: %1</source>
        <translation>交班时间：%1</translation>
    </message>
    <message>
        <source>Handover %1</source>
        <translation>交接班记录 %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>交接事项</translation>
    </message>
    <message>
        <source>Leader on duty:</source>
        <translation>带班领导：</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Nothing to hand over: no open business.</source>
        <translation>无交接事项：没有未办结的工作。</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Taken over</source>
        <translation>接班确认</translation>
    </message>
    <message>
        <source>Taken over at</source>
        <translation>接班时间</translation>
    </message>
    <message>
        <source>Taken over by</source>
        <translation>接班人</translation>
    </message>
    <message>
        <source>Taken over by: %1</source>
        <translation>接班人：%1</translation>
    </message>
    <message>
        <source>Watch room: %1</source>
        <translation>值班室：%1</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>%1 (%2 to confirm)</source>
        <translation>%1 项（%2 项待确认）</translation>
    </message>
    <message>
        <source>%1 handover records</source>
        <translation>共 %1 条交接班记录</translation>
    </message>
    <message>
        <source>Find: any word of an item, a note or a name</source>
        <translation>查找：事项、备注或人名中的任意词</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>交班人</translation>
    </message>
    <message>
        <source>Handover records</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>交接事项</translation>
    </message>
    <message>
        <source>No handover record found.</source>
        <translation>未找到交接班记录。</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Taken over by</source>
        <translation>接班人</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Duty</source>
        <translation>值班(&amp;D)</translation>
    </message>
    <message>
        <source>Confirm the handover…</source>
        <translation>接班确认…</translation>
    </message>
    <message>
        <source>Duty roster</source>
        <translation>值班排班</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>交班…</translation>
    </message>
    <message>
        <source>Handover records…</source>
        <translation>交接班记录…</translation>
    </message>
    <message>
        <source>Import the roster…</source>
        <translation>导入排班…</translation>
    </message>
    <message>
        <source>Swaps…</source>
        <translation>调班…</translation>
    </message>
    <message>
        <source>Take over (sign in)…</source>
        <translation>接班签到…</translation>
    </message>
</context>
<context>
    <name>OfferSwapDialog</name>
    <message>
        <source>%1 offers their place: %2 · %3</source>
        <translation>%1 申请调出：%2 · %3</translation>
    </message>
    <message>
        <source>In exchange for</source>
        <translation>换对方的班次</translation>
    </message>
    <message>
        <source>No exchange: they only take this place</source>
        <translation>不换班：对方仅替班</translation>
    </message>
    <message>
        <source>Offer a swap</source>
        <translation>申请调班</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>接替人</translation>
    </message>
    <message>
        <source>Who takes it: find in the directory</source>
        <translation>接替人：在通讯录中查找</translation>
    </message>
</context>
<context>
    <name>OnDutyCard</name>
    <message>
        <source> · handed over, awaiting the incoming shift</source>
        <translation> · 已交班，等待接班</translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <translation>%1 ✓</translation>
    </message>
    <message>
        <source>%1 ✓ (not yet confirmed)</source>
        <translation>%1 ✓（待平台确认）</translation>
    </message>
    <message>
        <source>%1 ✓ (signed in)</source>
        <translation>%1 ✓（未排班，已签到）</translation>
    </message>
    <message>
        <source>(vacant)</source>
        <translation>（空缺）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Next handover %1 (in %2)</source>
        <translation>下次交接班 %1（还有 %2）</translation>
    </message>
    <message>
        <source>Next shift starts %1</source>
        <translation>下一班次 %1 开始</translation>
    </message>
    <message>
        <source>On duty: %1 %2 %3–%4</source>
        <translation>当班：%1 %2 %3–%4</translation>
    </message>
    <message>
        <source>On duty: no shift under way</source>
        <translation>当班：当前没有进行中的班次</translation>
    </message>
    <message>
        <source>On duty: reading the roster…</source>
        <translation>当班：正在读取排班…</translation>
    </message>
    <message>
        <source>On duty: the roster could not be read (%1)</source>
        <translation>当班：无法读取排班（%1）</translation>
    </message>
    <message>
        <source>The watch room has no shifts yet.</source>
        <translation>本值班室尚未设置班次。</translation>
    </message>
</context>
<context>
    <name>PatternsDialog</name>
    <message>
        <source>  [retired]</source>
        <translation>  [已停用]</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Add this shift</source>
        <translation>添加班次</translation>
    </message>
    <message>
        <source>From – to (ends the next day when not after the start)</source>
        <translation>起止时间（结束时间不晚于开始时间时为次日）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>班次名称</translation>
    </message>
    <message>
        <source>No shifts yet: add one, or use the usual day and night shifts.</source>
        <translation>尚无班次：请添加班次，或使用常规白班和夜班。</translation>
    </message>
    <message>
        <source>Retire / restore the selected shift</source>
        <translation>停用/恢复所选班次</translation>
    </message>
    <message>
        <source>Shifts of this watch room</source>
        <translation>本值班室的班次</translation>
    </message>
    <message>
        <source>Use the usual day and night shifts</source>
        <translation>使用常规白班和夜班</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>%1 names are not in the directory and were entered with the sheet's name and phone (rows: %2).</source>
        <translation>%1 个姓名不在通讯录中，已按表中的姓名和电话录入（行：%2）。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Import the roster</source>
        <translation>导入排班</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Roster sheet (CSV or Excel: date, shift, post, name, phone)</source>
        <translation>排班表（CSV 或 Excel：日期、班次、岗位、姓名、电话）</translation>
    </message>
    <message>
        <source>Roster sheets (*.csv *.xlsx)</source>
        <translation>排班表 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>The file is not an Excel workbook.</source>
        <translation>文件不是 Excel 工作簿。</translation>
    </message>
    <message>
        <source>The sheet has more than 10,000 rows, about a year of a roster: import it a month or a quarter at a time.</source>
        <translation>表格超过 10,000 行（约一年的排班）：请按月或按季度分批导入。</translation>
    </message>
    <message>
        <source>The sheet holds no rows.</source>
        <translation>表中没有数据行。</translation>
    </message>
    <message>
        <source>The sheet needs the columns 日期, 班次, 岗位 and 姓名 (电话 and 备注 may follow).</source>
        <translation>表头需要“日期”“班次”“岗位”“姓名”四列（可另加“电话”“备注”）。</translation>
    </message>
    <message>
        <source>is already on the overlapping shift named</source>
        <translation>已在时间重叠的另一班次值班</translation>
    </message>
    <message>
        <source>is in the directory more than once: give the phone to tell them apart</source>
        <translation>通讯录中有重名：请填写电话以便区分</translation>
    </message>
    <message>
        <source>is not a date (2026-12-01, 2026/12/1 or 2026年12月1日)</source>
        <translation>不是有效日期（应为 2026-12-01、2026/12/1 或 2026年12月1日）</translation>
    </message>
    <message>
        <source>is not a phone number</source>
        <translation>不是有效的电话号码</translation>
    </message>
    <message>
        <source>is not a post (带班领导, 值班长, 值班员, 技术保障)</source>
        <translation>不是有效岗位（应为带班领导、值班长、值班员或技术保障）</translation>
    </message>
    <message>
        <source>is not in the directory and the row gives no phone</source>
        <translation>不在通讯录中，且该行未填电话</translation>
    </message>
    <message>
        <source>is not one of this watch room's shifts</source>
        <translation>不是本值班室的班次</translation>
    </message>
    <message>
        <source>is not usable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>is too far from today for the roster</source>
        <translation>距今天太远，不能排班</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>过长</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>one more than the shift has places for this post</source>
        <translation>超出该班次此岗位的人数</translation>
    </message>
    <message>
        <source>would be on duty this many hours without a break, more than allowed</source>
        <translation>连续值班时长（小时）超过允许上限</translation>
    </message>
    <message>
        <source>would leave a post of a published shift vacant</source>
        <translation>会使已发布班次的岗位空缺</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>not yet confirmed by the platform</source>
        <translation>平台尚未确认</translation>
    </message>
</context>
<context>
    <name>RotaDialog</name>
    <message>
        <source>Days in one cycle</source>
        <translation>周期天数</translation>
    </message>
    <message>
        <source>Fill by repeating a rota</source>
        <translation>按轮班周期填充</translation>
    </message>
    <message>
        <source>Fill the days of one cycle by hand first; they are copied onto the days that follow, cycle after cycle. Nothing is saved if any copy would break a rule.</source>
        <translation>请先手工排好一个周期内各天的班，系统会按周期依次复制到之后的日期。只要有一处复制违反排班规则，就不保存任何内容。</translation>
    </message>
    <message>
        <source>Filling…</source>
        <translation>正在填充…</translation>
    </message>
    <message>
        <source>Repeat it up to</source>
        <translation>重复至</translation>
    </message>
    <message>
        <source>The rota starts on</source>
        <translation>周期起始日</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>No shift is under way or about to start: set up the shifts first.</source>
        <translation>当前没有进行中或即将开始的班次：请先设置班次。</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>强制接班原因</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Platform account</source>
        <translation>平台账号</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在签到…</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>接班</translation>
    </message>
    <message>
        <source>Take over the shift (sign in)</source>
        <translation>接班签到</translation>
    </message>
    <message>
        <source>The shift before (%1) has handed over.</source>
        <translation>上一班（%1）已交班。</translation>
    </message>
    <message>
        <source>The shift before (%1) has not handed over yet. Wait for its handover, or give the reason to take over anyway (it is recorded).</source>
        <translation>上一班（%1）尚未交班。请等待其交班，或填写原因后强制接班（原因将被记录）。</translation>
    </message>
    <message>
        <source>checked by the platform (later, without a link)</source>
        <translation>由平台核验（断网时待恢复连接后核验）</translation>
    </message>
    <message>
        <source>only to take over before the handover: say why</source>
        <translation>仅在上一班交班前接班时填写原因</translation>
    </message>
</context>
<context>
    <name>SwapsDialog</name>
    <message>
        <source>No swaps yet. To offer one, right-click your place in the roster and choose “Offer a swap…”; the person taking it accepts here, and the duty chief approves.</source>
        <translation>暂无调班。如需调班，请在排班表中右键单击本人的班次，选择“申请调班…”；接替人在此同意，值班长批准。</translation>
    </message>
    <message>
        <source> (exchange)</source>
        <translation>（换班）</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>调出人</translation>
    </message>
    <message>
        <source>Not approve…</source>
        <translation>不批准…</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>班次岗位</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Swaps</source>
        <translation>调班</translation>
    </message>
    <message>
        <source>To</source>
        <translation>接替人</translation>
    </message>
    <message>
        <source>Undo an approved swap</source>
        <translation>撤销已批准的调班</translation>
    </message>
    <message>
        <source>Undo an approved swap…</source>
        <translation>撤销已批准的调班…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
</context>
</TS>
