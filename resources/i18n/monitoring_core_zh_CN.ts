<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DutyLog</name>
    <message>
        <source>Alarm</source>
        <translation>监测告警</translation>
    </message>
    <message>
        <source>Alarm raised</source>
        <translation>发生告警</translation>
    </message>
    <message>
        <source>Alarm escalated</source>
        <translation>告警升级</translation>
    </message>
    <message>
        <source>Alarm acknowledged</source>
        <translation>告警已确认</translation>
    </message>
    <message>
        <source>Alarm handled</source>
        <translation>告警已处置</translation>
    </message>
    <message>
        <source>Alarm turned into an incident</source>
        <translation>告警已转事件</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>误报</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>above the warning level</source>
        <translation>超警戒水位</translation>
    </message>
    <message>
        <source>above the guaranteed level</source>
        <translation>超保证水位</translation>
    </message>
    <message>
        <source>%1, threshold %2</source>
        <translation>%1，阈值 %2</translation>
    </message>
    <message>
        <source>%1, reading %2</source>
        <translation>%1，读数 %2</translation>
    </message>
</context>
</TS>
