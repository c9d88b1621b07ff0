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
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../widgets/video_tile.py" line="72" />
        <source>No camera</source>
        <translation>未选择摄像头</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="72" />
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="72" />
        <source>Live</source>
        <translation>直播</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="73" />
        <source>Stalled</source>
        <translation>卡顿</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="73" />
        <source>Signal lost</source>
        <translation>信号中断</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="73" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="78" />
        <source>cannot open the stream</source>
        <translation>无法打开视频流</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="78" />
        <source>the stream broke off</source>
        <translation>视频流中断</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="79" />
        <source>no pictures arrive</source>
        <translation>收不到画面</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="79" />
        <source>the stream ended</source>
        <translation>视频流已结束</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="80" />
        <source>the picture cannot be decoded</source>
        <translation>画面无法解码</translation>
    </message>
    <message>
        <location filename="../../widgets/video_tile.py" line="124" />
        <source>EXERCISE</source>
        <translation>演练</translation>
    </message>
</context>
<context>
    <name>VideoWallPanel</name>
    <message>
        <location filename="../../views/video/panel.py" line="21" />
        <source>%1 tiles</source>
        <translation>%1 分屏</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="25" />
        <source>Nearby cameras</source>
        <translation>附近摄像头</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="26" />
        <source>Fill the wall with the cameras nearest the selected incident</source>
        <translation>用离所选事件最近的摄像头填满视频墙</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="31" />
        <source>Layout</source>
        <translation>分屏</translation>
    </message>
    <message>
        <location filename="../../views/video/panel.py" line="49" />
        <source>%1 nearby cameras on the wall</source>
        <translation>已上墙附近摄像头 %1 路</translation>
    </message>
</context>
</TS>