<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportResourcesDialog</name>
    <message>
        <location filename="../../views/map/import_dialog.py" line="76" />
        <source>Import resources</source>
        <translation>导入资源</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="vanished">选择…</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="82" />
        <source>WGS-84 / CGCS2000 (GPS, 天地图)</source>
        <translation>WGS-84 / CGCS2000（GPS、天地图）</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="83" />
        <source>GCJ-02 (高德, 腾讯)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="77" />
        <source>File (GeoJSON or CSV)</source>
        <translation>文件（GeoJSON 或 CSV）</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="84" />
        <source>Coordinates</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="vanished">行</translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="vanished">字段</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="vanished">问题</translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="vanished">内容</translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="vanished">导入</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="78" />
        <source>Resources (*.geojson *.json *.csv)</source>
        <translation>资源文件 (*.geojson *.json *.csv)</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation type="vanished">请先选择文件。</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation type="vanished">正在检查文件…</translation>
    </message>
    <message>
        <source>Saving %1 resources…</source>
        <translation type="vanished">正在保存 %1 个资源…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="vanished">未导入任何数据：%1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1 problems. Correct the file and import it again.</source>
        <translation type="vanished">未导入任何数据：发现 %1 处问题。请修改文件后重新导入。</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated.</source>
        <translation type="vanished">已导入：新增 %1，更新 %2。</translation>
    </message>
</context>
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
        <location filename="../../views/map/card.py" line="77" />
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
        <location filename="../../views/map/card.py" line="82" />
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
    <message>
        <location filename="../../views/map/card.py" line="74" />
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="75" />
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="76" />
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="78" />
        <source>Stream</source>
        <translation>码流</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="79" />
        <source>PTZ</source>
        <translation>云台</translation>
    </message>
    <message>
        <location filename="../../views/map/card.py" line="81" />
        <source>Source platform</source>
        <translation>来源平台</translation>
    </message>
</context>
<context>
    <name>MapLayers</name>
    <message>
        <location filename="../../views/map/layers.py" line="17" />
        <source>Rescue teams</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="17" />
        <source>Supply depots</source>
        <translation>物资储备库</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="17" />
        <source>Equipment</source>
        <translation>装备</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="18" />
        <source>Shelters</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="18" />
        <source>Medical</source>
        <translation>医疗机构</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="18" />
        <source>Experts</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="19" />
        <source>Hazard sources</source>
        <translation>危险源</translation>
    </message>
    <message>
        <location filename="../../views/map/layers.py" line="19" />
        <source>Protected targets</source>
        <translation>防护目标</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../views/map/panel.py" line="98" />
        <source>Basemap: the built-in one, or imported / cached tiles</source>
        <translation>底图：内置底图，或导入/缓存的瓦片</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="101" />
        <source>Import tiles…</source>
        <translation>导入瓦片…</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="102" />
        <source>An MBTiles file, for use without a network</source>
        <translation>导入 MBTiles 文件，无网络时使用</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="104" />
        <source>Download area…</source>
        <translation>预下载区域…</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="105" />
        <source>Keep the tiles of this area for use without a network</source>
        <translation>下载当前区域的瓦片，供无网络时使用</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="109" />
        <source>Find a resource or incident by name</source>
        <translation>按名称查找资源或事件</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="118" />
        <source>Click a marker for its details.</source>
        <translation>点击地图上的标注查看详情。</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="122" />
        <source>Measure</source>
        <translation>测距</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="123" />
        <source>Click points on the map, double-click to finish (Ctrl+M)</source>
        <translation>在地图上依次点击，双击结束（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="125" />
        <source>Select area</source>
        <translation>框选区域</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="126" />
        <source>Click the corners, double-click to close; lists what is inside</source>
        <translation>依次点击各角点，双击闭合，列出区域内的资源</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="128" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="130" />
        <source>Import resources…</source>
        <translation>导入资源…</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="132" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="133" />
        <source>All resources as GeoJSON (WGS-84)</source>
        <translation>全部资源导出为 GeoJSON（WGS-84）</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="148" />
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="245" />
        <source>Open incidents (%1)</source>
        <translation>未结事件（%1）</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="248" />
        <source>Cameras (%1, %2 online)</source>
        <translation>摄像头（%1，在线 %2）</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="252" />
        <source>%1 (%2, %3 available)</source>
        <translation>%1（%2，可用 %3）</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="276" />
        <source>Show on the video wall</source>
        <translation>在视频墙播放</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="294" />
        <source>This incident has no position on the map.</source>
        <translation>该事件没有坐标，无法在地图上显示。</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="333" />
        <source>Incidents (%1)</source>
        <translation>事件（%1）</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="340" />
        <source>%1 found</source>
        <translation>找到 %1 项</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="348" />
        <source>Export resources</source>
        <translation>导出资源</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="363" />
        <source>%1 resources exported</source>
        <translation>已导出 %1 个资源</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="366" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="373" />
        <source>Built-in (boundaries and places)</source>
        <translation>内置底图（行政区划与地名）</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="396" />
        <location filename="../../views/map/panel.py" line="404" />
        <source>Import tiles</source>
        <translation>导入瓦片</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="408" />
        <source>Tiles imported: %1</source>
        <translation>已导入瓦片：%1</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="432" />
        <source>Measuring: click points, double-click to finish</source>
        <translation>测距：依次点击，双击结束</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="436" />
        <source>Area: click the corners, double-click to close</source>
        <translation>框选：依次点击角点，双击闭合</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="445" />
        <source>Distance: %1 km</source>
        <translation>距离：%1 公里</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="456" />
        <source>%1 resources inside the area</source>
        <translation>区域内资源 %1 个</translation>
    </message>
    <message>
        <location filename="../../views/map/panel.py" line="1" />
        <source>Select an incident (in the log or on the map) to see the nearest available resources here.</source>
        <translation>选择一起事件（在事件接报或地图上），这里列出最近的可用资源。</translation>
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
<context>
    <name>RegionSeeder</name>
    <message>
        <location filename="../../views/map/seed.py" line="37" />
        <location filename="../../views/map/seed.py" line="44" />
        <source>Download area</source>
        <translation>预下载区域</translation>
    </message>
    <message>
        <location filename="../../views/map/seed.py" line="38" />
        <source>%1 tiles is too many: zoom in or choose a smaller area.</source>
        <translation>共 %1 张瓦片，数量过多：请放大地图或选择更小的区域。</translation>
    </message>
    <message>
        <location filename="../../views/map/seed.py" line="41" />
        <source>Download about %1 tiles (about %2 MB) for zoom levels %3 to %4?</source>
        <translation>将下载约 %1 张瓦片（约 %2 MB），缩放级别 %3 至 %4。是否开始？</translation>
    </message>
    <message>
        <location filename="../../views/map/seed.py" line="51" />
        <source>Downloading tiles…</source>
        <translation>正在下载瓦片…</translation>
    </message>
    <message>
        <location filename="../../views/map/seed.py" line="51" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../views/map/seed.py" line="69" />
        <source>%1 tiles downloaded, %2 failed.</source>
        <translation>已下载 %1 张瓦片，失败 %2 张。</translation>
    </message>
    <message>
        <location filename="../../views/map/seed.py" line="71" />
        <source>Cancelled: </source>
        <translation>已取消：</translation>
    </message>
    <message>
        <location filename="../../views/map/seed.py" line="76" />
        <source>Download failed: %1</source>
        <translation>下载失败：%1</translation>
    </message>
</context>
<context>
    <name>ResourceImport</name>
    <message>
        <location filename="../../views/map/import_dialog.py" line="19" />
        <location filename="../../views/map/import_dialog.py" line="35" />
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="20" />
        <source>The file is larger than 50 MB.</source>
        <translation>文件超过 50 MB。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="21" />
        <source>The file has more than 200,000 rows.</source>
        <translation>文件超过 200,000 行。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="22" />
        <source>The file holds no resources.</source>
        <translation>文件中没有资源数据。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="23" />
        <source>The file is neither UTF-8 nor GBK text.</source>
        <translation>文件既不是 UTF-8 也不是 GBK 编码的文本。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="24" />
        <source>The file is not valid JSON.</source>
        <translation>文件不是有效的 JSON。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="25" />
        <source>The file is not a GeoJSON FeatureCollection.</source>
        <translation>文件不是 GeoJSON 要素集合（FeatureCollection）。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="26" />
        <source>The CSV header needs the columns 名称, 类型, 纬度 and 经度 (or name, kind, lat, lon).</source>
        <translation>CSV 表头须包含 名称、类型、纬度、经度（或 name、kind、lat、lon）列。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="28" />
        <source>Unknown coordinate datum.</source>
        <translation>未知的坐标系。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="36" />
        <source>This is not an MBTiles file (not a database).</source>
        <translation>这不是 MBTiles 文件（不是数据库文件）。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="37" />
        <source>The tile file is damaged.</source>
        <translation>瓦片文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="38" />
        <source>This database is not an MBTiles file.</source>
        <translation>该数据库不是 MBTiles 文件。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="39" />
        <source>The file holds no tiles.</source>
        <translation>文件中没有瓦片。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="40" />
        <source>The tiles are not PNG, JPEG or WebP images.</source>
        <translation>瓦片不是 PNG、JPEG 或 WebP 图片。</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="46" />
        <source>is required</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="47" />
        <source>is not a known resource kind</source>
        <translation>不是已知的资源类型</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="48" />
        <source>is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="49" />
        <source>latitude and longitude look swapped</source>
        <translation>纬度和经度可能填反了</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="50" />
        <source>the position is outside China</source>
        <translation>位置不在中国境内</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="51" />
        <source>is not a phone number</source>
        <translation>不是有效的电话号码</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="52" />
        <source>must be a whole number, 0 or more</source>
        <translation>必须是不小于 0 的整数</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="53" />
        <source>is more than the capacity</source>
        <translation>超过了容量</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="54" />
        <source>is too long</source>
        <translation>过长</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="55" />
        <source>repeats the id of row %1</source>
        <translation>与第 %1 行的编号重复</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="56" />
        <source>is not a point</source>
        <translation>不是点要素</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="57" />
        <source>is not a known status</source>
        <translation>不是已知的状态</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="63" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="64" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="65" />
        <location filename="../../views/map/import_dialog.py" line="66" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="67" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="68" />
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../views/map/import_dialog.py" line="69" />
        <source>Geometry</source>
        <translation>几何</translation>
    </message>
</context>
</TS>