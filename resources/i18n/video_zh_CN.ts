<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraCatalogTree</name>
    <message>
        <location filename="../../views/video/catalog_tree.py" line="36" />
        <source>Find a camera by name or group</source>
        <translation>按名称或分组查找摄像头</translation>
    </message>
    <message>
        <location filename="../../views/video/catalog_tree.py" line="68" />
        <source>%1 (%2/%3 online)</source>
        <translation>%1（在线 %2/%3）</translation>
    </message>
    <message>
        <location filename="../../views/video/catalog_tree.py" line="77" />
        <source>%1 (offline)</source>
        <translation>%1（离线）</translation>
    </message>
</context>
</TS>