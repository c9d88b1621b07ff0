<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Clearance</name>
    <message>
        <location filename="../../views/common/clearance_labels.py" line="45" />
        <source>Classification level: who may see this record. You can mark it up to your own clearance.</source>
        <translation>密级：决定谁能看到这条记录。最高可标到本人（及本工作站）的权限级别。</translation>
    </message>
    <message>
        <location filename="../../views/common/clearance_labels.py" line="55" />
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../views/common/clearance_labels.py" line="60" />
        <source>This classification is above the clearance of this workstation or account; choose a lower one.</source>
        <translation>所选密级高于本工作站或本账号的权限级别，请选择较低的密级。</translation>
    </message>
    <message>
        <location filename="../../views/common/clearance_labels.py" line="62" />
        <source>The classification is not valid.</source>
        <translation>密级无效。</translation>
    </message>
    <message>
        <location filename="../../views/common/clearance_labels.py" line="75" />
        <source>%1 records above this workstation's clearance removed at %2</source>
        <translation>已于 %2 清除高于本工作站权限级别的记录 %1 条</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="145" />
        <source>(%1) </source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location filename="../../views/incident_log/detail_pane.py" line="188" />
        <source>Classification: who may see this incident</source>
        <translation>密级：决定谁能看到这起事件</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <location filename="../../views/incident_log/report_document.py" line="210" />
        <source>(%1) </source>
        <translation>（%1）</translation>
    </message>
</context>
</TS>
