<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>IncidentDialogs</name>
    <message>
        <location filename="../../views/incident_log/dialogs.py" line="173" />
        <source>The printer could not be used; nothing was printed.</source>
        <translation>无法使用该打印机，未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/dialogs.py" line="181" />
        <source>Save report as PDF</source>
        <translation>将报告保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/dialogs.py" line="181" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/dialogs.py" line="193" />
        <source>The report was saved to %1.</source>
        <translation>报告已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/dialogs.py" line="199" />
        <source>The PDF could not be saved to %1: %2. Nothing was written; choose another place.</source>
        <translation>PDF 无法保存到 %1：%2。未写入任何内容，请选择其他位置。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/dialogs.py" line="209" />
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/dialogs.py" line="211" />
        <source>no permission to write there</source>
        <translation>没有该位置的写入权限</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/dialogs.py" line="213" />
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/dialogs.py" line="215" />
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/dialogs.py" line="236" />
        <source>Incident report</source>
        <translation>事件报告</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/dialogs.py" line="236" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>IncidentForms</name>
    <message>
        <location filename="../../views/incident_log/form_support.py" line="112" />
        <source>The report is still the unchanged template: fill in what happened before sending.</source>
        <translation>报告内容仍是未修改的模板：请先填写事件情况再报送。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/form_support.py" line="118" />
        <source>Latitude is not a number in decimal degrees (for example 29.5630).</source>
        <translation>纬度不是十进制度数（例如 29.5630）。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/form_support.py" line="122" />
        <source>Longitude is not a number in decimal degrees (for example 106.5516).</source>
        <translation>经度不是十进制度数（例如 106.5516）。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/form_support.py" line="136" />
        <source>The incident is no longer in the local database; nothing was saved.</source>
        <translation>本地数据库中已找不到该事件，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/form_support.py" line="140" />
        <source>The change could not be saved: %1</source>
        <translation>无法保存此次修改：%1</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="80" />
        <source>Call intake</source>
        <translation>来电登记</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="88" />
        <source>What happened, where</source>
        <translation>何地发生何事</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="102" />
        <source>Left and right arrow keys move between date and time.</source>
        <translation>用左右方向键在日期和时间各部分之间移动。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="104" />
        <source>Address or landmark</source>
        <translation>地址或标志性地点</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="106" />
        <source>County / district, township</source>
        <translation>区县、乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="108" />
        <source>e.g. 29.5630</source>
        <translation>例如 29.5630</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="109" />
        <source>e.g. 106.5516</source>
        <translation>例如 106.5516</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="129" />
        <source>What the caller said: what happened, how many people are affected, what is being done.</source>
        <translation>来电内容：发生了什么、涉及多少人员、正在采取哪些措施。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="133" />
        <source>Exercise (drill, not a real incident)</source>
        <translation>演练（非真实事件）</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="136" />
        <source>Log incident</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="137" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="182" />
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="196" />
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="198" />
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="203" />
        <source>Casualties</source>
        <translation>伤亡情况</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="206" />
        <source>Caller</source>
        <translation>来电信息</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="208" />
        <source>Source</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="211" />
        <source>Call content</source>
        <translation>来电内容</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="224" />
        <source>Ctrl+Enter logs the incident</source>
        <translation>Ctrl+Enter 登记</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="244" />
        <source>(not yet known)</source>
        <translation>（暂不明确）</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/intake_dialog.py" line="265" />
        <source>By these casualty figures this accident is at least %1 (State Council Decree 493).</source>
        <translation>按伤亡人数，该事故至少应定为%1（国务院令第493号）。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../views/incident_log/report_dialog.py" line="79" />
        <source>%1 (No. %2)</source>
        <translation>%1（第%2次）</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_dialog.py" line="80" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_dialog.py" line="87" />
        <source>Time of occurrence: %1
Place: %2
What happened: 
Casualties: %3
Measures taken: 
Next steps: </source>
        <translation>事发时间：%1
事发地点：%2
事件经过：
伤亡情况：%3
已采取措施：
下一步工作：</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_dialog.py" line="92" />
        <source>Time of occurrence: %1
Place: %2
New developments: 
Casualties: %3
Measures taken: 
Next steps: </source>
        <translation>事发时间：%1
事发地点：%2
最新进展：
伤亡情况：%3
已采取措施：
下一步工作：</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_dialog.py" line="97" />
        <source>Time of occurrence: %1
Place: %2
Course of events and outcome: 
Casualties (final figures): %3
Measures taken: 
Cause (preliminary): 
Aftermath and recovery: </source>
        <translation>事发时间：%1
事发地点：%2
事件经过及处置结果：
伤亡情况（最终核实）：%3
已采取措施：
初步原因：
善后工作：</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_dialog.py" line="115" />
        <source>%1 · %2 · received %3</source>
        <translation>%1 · %2 · 接报时间 %3</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_dialog.py" line="122" />
        <source>Text of the note</source>
        <translation>备注内容</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_dialog.py" line="124" />
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_dialog.py" line="124" />
        <source>Send report</source>
        <translation>报送</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_dialog.py" line="127" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_dialog.py" line="137" />
        <source>Figures with this report</source>
        <translation>本次报告的数据</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_dialog.py" line="152" />
        <source>Casualties</source>
        <translation>伤亡情况</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_dialog.py" line="159" />
        <source>Ctrl+Enter sends</source>
        <translation>Ctrl+Enter 报送</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="101" />
        <source>Incident information: follow-up report (No. %1)</source>
        <translation>突发事件信息续报（第%1次）</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="105" />
        <source>Incident information: final report</source>
        <translation>突发事件信息终报</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="106" />
        <source>Incident information: initial report</source>
        <translation>突发事件信息首报</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="110" />
        <source>[%1]</source>
        <translation>【%1】</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="125" />
        <source>%Y-%m-%d %H:%M</source>
        <translation>%Y年%m月%d日%H时%M分</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="130" />
        <source>%m-%d %H:%M</source>
        <translation>%m月%d日 %H:%M</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="135" />
        <source>%1 dead, %2 injured, %3 missing, %4 trapped</source>
        <translation>死亡%1人，受伤%2人，失踪%3人，被困%4人</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="145" />
        <source>not given</source>
        <translation>未提供</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="147" />
        <source>latitude %1°, longitude %2° (WGS-84/CGCS2000)</source>
        <translation>纬度 %1°，经度 %2°（WGS-84/CGCS2000）</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="168" />
        <source>Category / type</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="169" />
        <source>Severity</source>
        <translation>事件等级</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="172" />
        <source>Time of occurrence</source>
        <translation>事发时间</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="173" />
        <source>Time received</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="175" />
        <source>Place of occurrence</source>
        <translation>事发地点</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="176" />
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="177" />
        <source>Casualties</source>
        <translation>伤亡情况</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="179" />
        <source>Source</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="180" />
        <source>Reporter / phone</source>
        <translation>报告人及电话</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="183" />
        <source>Status</source>
        <translation>事件状态</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="184" />
        <source>Logged by</source>
        <translation>接报人</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="202" />
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="207" />
        <source>; reason: %1</source>
        <translation>；原因：%1</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="215" />
        <source>Incident received</source>
        <translation>接报</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="223" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="224" />
        <source>Entry</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="225" />
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="254" />
        <source>Reporting unit: %1</source>
        <translation>报送单位：%1</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="256" />
        <source>Time of report: %1</source>
        <translation>报送时间：%1</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="257" />
        <source>Incident code: %1</source>
        <translation>事件编号：%1</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="260" />
        <source>Duty officer: %1</source>
        <translation>值班员：%1</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="261" />
        <source>Reviewed by:</source>
        <translation>审核：</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="262" />
        <source>Approved by:</source>
        <translation>签发：</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="290" />
        <source>1. Situation</source>
        <translation>一、事件情况</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="291" />
        <source>(no text)</source>
        <translation>（无内容）</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="294" />
        <source>2. Course of events</source>
        <translation>二、处置过程</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../../views/incident_log/report_pdf.py" line="235" />
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../views/incident_log/status_dialog.py" line="57" />
        <source>Change status — %1</source>
        <translation>变更状态 — %1</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/status_dialog.py" line="68" />
        <source>Current status: %1 (received %2)</source>
        <translation>当前状态：%1（接报时间 %2）</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/status_dialog.py" line="83" />
        <source>Why the status changes</source>
        <translation>状态变更的原因</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/status_dialog.py" line="91" />
        <source>Change status</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/status_dialog.py" line="92" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/status_dialog.py" line="111" />
        <source>This incident is %1; its status can no longer change.</source>
        <translation>该事件状态为“%1”，不能再变更。</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/status_dialog.py" line="126" />
        <source>Reason (required when cancelling):</source>
        <translation>原因（撤销时必填）：</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/status_dialog.py" line="128" />
        <source>Reason (optional):</source>
        <translation>原因（选填）：</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/status_dialog.py" line="132" />
        <source>No final report has been sent for this incident yet.</source>
        <translation>该事件尚未报送终报。</translation>
    </message>
</context>
</TS>