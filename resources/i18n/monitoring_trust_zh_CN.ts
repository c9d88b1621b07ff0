<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>Sensor gateway</source>
        <translation>传感网关</translation>
    </message>
    </context>
</TS>
