<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MapCard</name>
    <message>
        <location filename="../../views/map/card.py" line="15" />
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="16" />
        <source>Specialty</source>
        <translation>专业</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="17" />
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="18" />
        <source>Occupancy</source>
        <translation>已安置</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="19" />
        <source>Beds</source>
        <translation>床位</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="20" />
        <source>Free beds</source>
        <translation>空余床位</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="21" />
        <source>Field</source>
        <translation>专业领域</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="22" />
        <source>Hazard class</source>
        <translation>危险等级</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="23" />
        <source>Radius of influence (m)</source>
        <translation>影响半径（米）</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="24" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="25" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="26" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="27" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="28" />
        <source>Exercise data</source>
        <translation>演练数据</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="34" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="36" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="38" />
        <location filename="../../views/map/card.py" line="49" />
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="39" />
        <source>deployed</source>
        <translation>已出动</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="40" />
        <source>off duty</source>
        <translation>休整</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="49" />
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="50" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="50" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="52" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="54" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="60" />
        <location filename="../../views/map/card.py" line="68" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="61" />
        <source>Pending sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="67" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="67" />
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="69" />
        <source>Rings at 5, 10 and 20 km; nearest available resources listed below.</source>
        <translation>已标出 5、10、20 公里范围；下方列出最近的可用资源。</translation>
    </message>
</context>
<context>
    <name>MapLayers</name>
    <message>
        <location filename="../../views/map/layers.py" line="16" />
        <source>Rescue teams</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="16" />
        <source>Supply depots</source>
        <translation>物资储备库</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="16" />
        <source>Equipment</source>
        <translation>装备</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="17" />
        <source>Shelters</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="17" />
        <source>Medical</source>
        <translation>医疗机构</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="17" />
        <source>Experts</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="18" />
        <source>Hazard sources</source>
        <translation>危险源</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="18" />
        <source>Protected targets</source>
        <translation>防护目标</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../views/map/panel.py" line="78" />
        <source>Find a resource or incident by name</source>
        <translation>按名称查找资源或事件</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="87" />
        <source>Click a marker for its details.</source>
        <translation>点击地图上的标注查看详情。</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="90" />
        <source>Measure</source>
        <translation>测距</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="91" />
        <source>Click points on the map, double-click to finish (Ctrl+M)</source>
        <translation>在地图上依次点击，双击结束（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="93" />
        <source>Select area</source>
        <translation>框选区域</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="94" />
        <source>Click the corners, double-click to close; lists what is inside</source>
        <translation>依次点击各角点，双击闭合，列出区域内的资源</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="96" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="183" />
        <source>Open incidents (%1)</source>
        <translation>未结事件（%1）</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="187" />
        <source>%1 (%2, %3 available)</source>
        <translation>%1（%2，可用 %3）</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="219" />
        <source>This incident has no position on the map.</source>
        <translation>该事件没有坐标，无法在地图上显示。</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="257" />
        <source>Incidents (%1)</source>
        <translation>事件（%1）</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="264" />
        <source>%1 found</source>
        <translation>找到 %1 项</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="267" />
        <source>Measuring: click points, double-click to finish</source>
        <translation>测距：依次点击，双击结束</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="271" />
        <source>Area: click the corners, double-click to close</source>
        <translation>框选：依次点击角点，双击闭合</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="280" />
        <source>Distance: %1 km</source>
        <translation>距离：%1 公里</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="290" />
        <source>%1 resources inside the area</source>
        <translation>区域内资源 %1 个</translation>
    </message>
</context>
<context>
    <name>NearestList</name>
    <message>
        <location filename="../../views/map/nearest.py" line="22" />
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <location filename="../../views/map/nearest.py" line="22" />
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../views/map/nearest.py" line="22" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
</context>
</TS>