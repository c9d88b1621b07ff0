<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyReport</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>%1 dispatch orders issued; %2 acknowledged (median %3 min, longest %4 min), %5 acknowledged after their deadline, %6 not acknowledged.</source>
        <translation>下达调度指令%1条，已签收%2条（签收用时中位数%3分钟，最长%4分钟），超时签收%5条，未签收%6条。</translation>
    </message>
    <message>
        <source>%1 incidents received (and %2 exercise incidents); %3 dead, %4 injured, %5 missing, %6 trapped; %7 closed. %8 notices sent, %9 conferences held.</source>
        <translation>当日接报突发事件%1起（另有演练%2起），死亡%3人、受伤%4人、失踪%5人、被困%6人；办结%7起。发送通知%8条，召开会商%9次。</translation>
    </message>
    <message>
        <source>%1 reports sent (initial, follow-up and final): %2 on time, %3 late against the reporting deadlines.</source>
        <translation>向上级报送首报、续报、终报共%1次，按时%2次，超过报送时限%3次。</translation>
    </message>
    <message>
        <source>%Y-%m-%d</source>
        <translation>%Y年%m月%d日</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>1. Incidents received</source>
        <translation>一、接报情况</translation>
    </message>
    <message>
        <source>2. Reports sent upward</source>
        <translation>二、信息报送</translation>
    </message>
    <message>
        <source>3. Dispatch orders</source>
        <translation>三、调度指令</translation>
    </message>
    <message>
        <source>4. Roll calls</source>
        <translation>四、查岗情况</translation>
    </message>
    <message>
        <source>5. Duty reminders</source>
        <translation>五、值班提醒</translation>
    </message>
    <message>
        <source>6. Notable events</source>
        <translation>六、重要情况</translation>
    </message>
    <message>
        <source>7. Remarks</source>
        <translation>七、带班领导批示及备注</translation>
    </message>
    <message>
        <source>Acknowledge by</source>
        <translation>签收时限</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>应答时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>应答人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Daily duty report</source>
        <translation>值班日报</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>日期：%1</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Duty chief:</source>
        <translation>值班长：</translation>
    </message>
    <message>
        <source>Duty officer: %1</source>
        <translation>值班员：%1</translation>
    </message>
    <message>
        <source>Duty reminders: %1 done in time, %2 done late, %3 missed.</source>
        <translation>值班提醒：按时完成%1项次，超时完成%2项次，错过%3项次。</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下达时间</translation>
    </message>
    <message>
        <source>Late (min)</source>
        <translation>超时（分钟）</translation>
    </message>
    <message>
        <source>Leader on duty:</source>
        <translation>带班领导：</translation>
    </message>
    <message>
        <source>Made %1</source>
        <translation>生成时间：%1</translation>
    </message>
    <message>
        <source>No roll call this day.</source>
        <translation>当日无查岗。</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>查岗时间</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒事项</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Reporting unit: %1</source>
        <translation>报送单位：%1</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <source>Span: %1 to %2 (%3)</source>
        <translation>统计时段：%1 至 %2（%3）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Time allowed</source>
        <translation>应答时限</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>To</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>daily-report</source>
        <translation>值班日报</translation>
    </message>
    <message>
        <source>not acknowledged</source>
        <translation>未签收</translation>
    </message>
</context>
<context>
    <name>DailyReportDialog</name>
    <message>
        <source>Building the report…</source>
        <translation>正在生成日报…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Daily duty report</source>
        <translation>值班日报</translation>
    </message>
    <message>
        <source>Daily duty report %1</source>
        <translation>值班日报 %1</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>尚未报送</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>前一天</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>带班领导批示及备注</translation>
    </message>
    <message>
        <source>Remarks of the leader on duty (printed and sent with the report)</source>
        <translation>带班领导批示或备注（随日报打印和报送）</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Save the daily report as PDF</source>
        <translation>将值班日报导出为 PDF</translation>
    </message>
    <message>
        <source>Send to the platform</source>
        <translation>报送平台</translation>
    </message>
    <message>
        <source>Sent at %1</source>
        <translation>已于 %1 报送</translation>
    </message>
    <message>
        <source>Sent at %1 (waiting for the platform)</source>
        <translation>已于 %1 报送（等待平台确认）</translation>
    </message>
    <message>
        <source>The PDF could not be saved to %1: %2. Nothing was written; choose another place.</source>
        <translation>PDF 无法保存到 %1：%2。未写入任何内容，请换一个位置。</translation>
    </message>
    <message>
        <source>The printer could not be used; nothing was printed.</source>
        <translation>打印机无法使用，未打印任何内容。</translation>
    </message>
    <message>
        <source>The report could not be built: %1</source>
        <translation>日报无法生成：%1</translation>
    </message>
</context>
<context>
    <name>DutyLog</name>
    <message>
        <source>Call</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>会商</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>调度指令</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接报</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>值班提醒</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>Roll call</source>
        <translation>查岗</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已应答</translation>
    </message>
    <message>
        <source>answered late</source>
        <translation>迟到应答</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>done late</source>
        <translation>超时完成</translation>
    </message>
    <message>
        <source>due</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未应答</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>未到时间</translation>
    </message>
    <message>
        <source>waiting for an answer</source>
        <translation>待应答</translation>
    </message>
</context>
<context>
    <name>DutyLogPanel</name>
    <message>
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>By</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Daily report…</source>
        <translation>值班日报…</translation>
    </message>
    <message>
        <source>Filter: number, title, content, person</source>
        <translation>筛选：编号、标题、内容、人员</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Kinds (%1)</source>
        <translation>类型（%1）</translation>
    </message>
    <message>
        <source>Kinds (all)</source>
        <translation>类型（全部）</translation>
    </message>
    <message>
        <source>Last 12 hours</source>
        <translation>最近12小时</translation>
    </message>
    <message>
        <source>Nothing recorded in this span.</source>
        <translation>此时段内没有记录。</translation>
    </message>
    <message>
        <source>Nothing recorded in this span. Calls, incidents, reports, orders, notices, conferences, roll calls and reminders of this watch room appear here as they happen.</source>
        <translation>此时段内没有记录。本值班室的来电、事件、报送、调度指令、通知、会商、查岗和值班提醒发生时都会列在这里。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Roll call of this watch room</source>
        <translation>对本值班室的查岗</translation>
    </message>
    <message>
        <source>The duty log could not be read: %1</source>
        <translation>值班日志无法读取：%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title / to</source>
        <translation>标题/对象</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>answered at %1</source>
        <translation>%1 应答</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
</context>
<context>
    <name>RemindersBox</name>
    <message>
        <source>Add the usual reminders</source>
        <translation>添加常用提醒</translation>
    </message>
    <message>
        <source>Check weather warnings</source>
        <translation>气象预警信息检查</translation>
    </message>
    <message>
        <source>Daily 08:00 report upward, hourly check, weather-warning checks at 07:00 and 16:00</source>
        <translation>每日08:00向上级报送、整点检查、07:00和16:00气象预警检查</translation>
    </message>
    <message>
        <source>Duty reminders</source>
        <translation>值班提醒</translation>
    </message>
    <message>
        <source>Duty reminders (%1 due, %2 missed)</source>
        <translation>值班提醒（待办 %1，错过 %2）</translation>
    </message>
    <message>
        <source>Duty reminders: could not be read (%1)</source>
        <translation>值班提醒：无法读取（%1）</translation>
    </message>
    <message>
        <source>Hourly check of systems, lines and video</source>
        <translation>整点检查系统、线路和视频</translation>
    </message>
    <message>
        <source>No reminder in these hours.</source>
        <translation>这段时间没有值班提醒。</translation>
    </message>
    <message>
        <source>Report the duty situation upward (08:00)</source>
        <translation>向上级报送值班情况（08:00）</translation>
    </message>
    <message>
        <source>done at %1 by %2</source>
        <translation>%1 由 %2 完成</translation>
    </message>
    <message>
        <source>done late at %1 by %2</source>
        <translation>%1 由 %2 超时完成</translation>
    </message>
    <message>
        <source>due, %1 left</source>
        <translation>待办，剩余 %1</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>未到时间</translation>
    </message>
</context>
<context>
    <name>RollCallPrompt</name>
    <message>
        <source>Answer (Enter)</source>
        <translation>应答（回车）</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>Posted %1 · answer by %2</source>
        <translation>%1 查岗 · 请于 %2 前应答</translation>
    </message>
    <message>
        <source>Recording the answer…</source>
        <translation>正在记录应答…</translation>
    </message>
    <message>
        <source>Roll call</source>
        <translation>查岗</translation>
    </message>
    <message>
        <source>Roll call from the superior level: answer now</source>
        <translation>上级查岗，请立即应答</translation>
    </message>
    <message>
        <source>The answer is recorded with the account signed in to the platform and the platform's time.</source>
        <translation>应答以当前登录平台的账号和平台时间记录。</translation>
    </message>
    <message>
        <source>The time to answer has passed: an answer now is recorded as late.</source>
        <translation>已超过应答时限：现在应答将记为迟到应答。</translation>
    </message>
    <message>
        <source>Time left %1</source>
        <translation>剩余 %1</translation>
    </message>
</context>
<context>
    <name>RollCallStatusView</name>
    <message>
        <source>Last: %1 answered at %2 by %3</source>
        <translation>最近一次：%1 查岗，%3 于 %2 应答</translation>
    </message>
    <message>
        <source>Last: %1 answered here, waiting for the platform</source>
        <translation>最近一次：%1 查岗，已在本机应答，等待平台确认</translation>
    </message>
    <message>
        <source>Last: %1 answered late at %2 by %3</source>
        <translation>最近一次：%1 查岗，%3 于 %2 迟到应答</translation>
    </message>
    <message>
        <source>Last: %1 not answered (missed)</source>
        <translation>最近一次：%1 查岗，未应答</translation>
    </message>
    <message>
        <source>No roll call yet</source>
        <translation>暂无查岗记录</translation>
    </message>
    <message>
        <source>None waiting</source>
        <translation>无待应答查岗</translation>
    </message>
    <message>
        <source>Not answered: %1 overdue</source>
        <translation>未应答：已超时 %1</translation>
    </message>
    <message>
        <source>Roll call</source>
        <translation>查岗</translation>
    </message>
    <message>
        <source>Roll calls could not be read: %1</source>
        <translation>查岗记录无法读取：%1</translation>
    </message>
    <message>
        <source>Waiting for an answer: %1 left</source>
        <translation>待应答：剩余 %1</translation>
    </message>
</context>
</TS>
