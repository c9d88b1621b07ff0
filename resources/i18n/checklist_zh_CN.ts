<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Checklist</name>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Done before</source>
        <translation>此前已完成</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Initial measures</source>
        <translation>先期处置</translation>
    </message>
    <message>
        <source>Response activation</source>
        <translation>响应启动</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>应急处置</translation>
    </message>
    <message>
        <source>Response end</source>
        <translation>响应结束</translation>
    </message>
    <message>
        <source>This step still has open sub-steps; it is complete only when they are.</source>
        <translation>此步骤还有未完成的子步骤；子步骤全部完成后才能完成此步骤。</translation>
    </message>
    <message>
        <source>The step is already at or past that state.</source>
        <translation>此步骤已处于或已超过该状态。</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>Only a closed step can be reopened.</source>
        <translation>只有已完成、此前已完成或不适用的步骤才能重新打开。</translation>
    </message>
    <message>
        <source>A: issue the order to %1</source>
        <translation>A：向 %1 下达调度指令</translation>
    </message>
    <message>
        <source>A: notify the call group</source>
        <translation>A：通知呼叫组</translation>
    </message>
    <message>
        <source>This step has no action in the plan.</source>
        <translation>预案中此步骤没有可一键执行的动作。</translation>
    </message>
    </context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Select an incident under a response to see its checklist.</source>
        <translation>请在事件列表中选择已启动响应的事件，查看其处置流程。</translation>
    </message>
    <message>
        <source>Plan version %1 · %2 of %3 steps closed</source>
        <translation>预案版本 %1 · 已办结 %2/%3 步</translation>
    </message>
    <message>
        <source>Step not moved</source>
        <translation>步骤未变更</translation>
    </message>
    <message>
        <source>The step is closed; Backspace reopens it with a reason.</source>
        <translation>此步骤已办结；按退格键并填写原因可重新打开。</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Why does this step not apply?</source>
        <translation>此步骤为何不适用？</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Remark on this step:</source>
        <translation>此步骤的备注：</translation>
    </message>
    <message>
        <source>Reopen step</source>
        <translation>重新打开步骤</translation>
    </message>
    <message>
        <source>Why is this step reopened?</source>
        <translation>为何重新打开此步骤？</translation>
    </message>
    <message>
        <source>Space/Enter: tick · A: do the step's action · N: not applicable · R: remark · Backspace: reopen</source>
        <translation>空格/回车：推进 · A：执行步骤动作 · N：不适用 · R：备注 · 退格：重新打开</translation>
    </message>
    <message>
        <source>No action</source>
        <translation>无动作</translation>
    </message>
    <message>
        <source>This step has no action in the plan.</source>
        <translation>预案中此步骤没有可一键执行的动作。</translation>
    </message>
    </context>
<context>
    <name>ChecklistTree</name>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任组/人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    </context>
<context>
    <name>Labels</name>
    <message>
        <source>Checklist step</source>
        <translation>处置流程</translation>
    </message>
    </context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Checklist</source>
        <translation>处置流程</translation>
    </message>
    </context>
<context>
    <name>ReportAnnex</name>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Moved at</source>
        <translation>办理时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>Action / remark</source>
        <translation>动作/备注</translation>
    </message>
    <message>
        <source>%1. Annex: the checklist as worked</source>
        <translation>%2、附件：处置流程记录</translation>
    </message>
    <message>
        <source>%1. Summary assessment</source>
        <translation>%2、总结评估</translation>
    </message>
    <message>
        <source>%1 of %2 steps closed; %3 overdue; %4 not applicable.</source>
        <translation>共 %2 步，已办结 %1 步；超时 %3 步；不适用 %4 步。</translation>
    </message>
    <message>
        <source>Overdue steps:</source>
        <translation>超时步骤：</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>时限 %1</translation>
    </message>
    <message>
        <source>Steps not applicable:</source>
        <translation>不适用步骤：</translation>
    </message>
    </context>
</TS>
