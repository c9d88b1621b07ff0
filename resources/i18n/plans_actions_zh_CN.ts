<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Checklist</name>
    <message>
        <source>A: open a conference</source>
        <translation>A：召开会商</translation>
    </message>
    <message>
        <source>A: write the %1</source>
        <translation>A：报送%1</translation>
    </message>
    <message>
        <source>This workstation cannot do this step's action; tick the step when it is done.</source>
        <translation>本工作站无法执行此步骤的动作；完成后请按空格推进此步骤。</translation>
    </message>
    </context>
<context>
    <name>Labels</name>
    <message>
        <source>Response decision</source>
        <translation>响应决定</translation>
    </message>
    </context>
</TS>
