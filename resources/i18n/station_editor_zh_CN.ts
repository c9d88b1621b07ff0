<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>Station management</source>
        <translation>监测站管理</translation>
    </message>
</context>
<context>
    <name>StationAdminPanel</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Edit (Enter)</source>
        <translation>编辑 (Enter)</translation>
    </message>
    <message>
        <source>Filter: name, code, organisation, place</source>
        <translation>筛选：名称、站码、所属单位、地点</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>New station (Ctrl+N)</source>
        <translation>新建监测站 (Ctrl+N)</translation>
    </message>
    <message>
        <source>No monitoring stations yet. Press Ctrl+N to add one (name, kind, position and thresholds); stations also arrive from the platform's hydrology adapter and API.</source>
        <translation>尚无监测站。按 Ctrl+N 新建监测站（名称、类型、位置和各级阈值）；监测站也可由平台的水文接口和 API 接入。</translation>
    </message>
    <message>
        <source>No monitoring stations yet. The duty chief or an administrator adds them here; stations also arrive from the platform's hydrology adapter and API.</source>
        <translation>尚无监测站。值班长或管理员可在此新建；监测站也可由平台的水文接口和 API 接入。</translation>
    </message>
    <message>
        <source>No station matches the filter. Clear the filter to see all %1 stations.</source>
        <translation>没有符合筛选条件的监测站。清除筛选条件可查看全部 %1 个监测站。</translation>
    </message>
    <message>
        <source>Not yet sent</source>
        <translation>待同步</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置（纬度, 经度）</translation>
    </message>
    <message>
        <source>Read only: only the duty chief and administrators edit stations.</source>
        <translation>只读：只有值班长和管理员可以编辑监测站。</translation>
    </message>
    <message>
        <source>Refused by the platform: %1</source>
        <translation>平台拒绝：%1</translation>
    </message>
    <message>
        <source>Saved; the platform receives it at the next exchange.</source>
        <translation>已保存；下次同步时送达平台。</translation>
    </message>
    <message>
        <source>Stations could not be read: %1</source>
        <translation>无法读取监测站：%1</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Stations from a CSV (UTF-8 or GBK) or Excel file: all or nothing</source>
        <translation>从 CSV（UTF-8 或 GBK）或 Excel 文件导入监测站：全部导入或全部不导入</translation>
    </message>
    <message>
        <source>only the duty chief and administrators may create or edit stations</source>
        <translation>只有值班长和管理员可以新建或修改监测站（悬停可看平台原文）</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>StationForm</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>0: an alarm ends as soon as the value is below</source>
        <translation>0：读数一回落到阈值以下告警即结束</translation>
    </message>
    <message>
        <source>Alarm rules</source>
        <translation>告警规则</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Edit station</source>
        <translation>编辑监测站</translation>
    </message>
    <message>
        <source>Hysteresis margin</source>
        <translation>回差</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Level of a rate alarm</source>
        <translation>速率告警级别</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Minimum duration (s)</source>
        <translation>最短持续时间（秒）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>New station</source>
        <translation>新建监测站</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>未保存：</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Rate of rise</source>
        <translation>上涨速率（每小时）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>站码</translation>
    </message>
    <message>
        <source>Thresholds (empty: no alarm at that level)</source>
        <translation>各级阈值（留空：该级别不告警）</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>degrees east, e.g. 106.55</source>
        <translation>东经度数，如 106.55</translation>
    </message>
    <message>
        <source>degrees north, e.g. 29.56</source>
        <translation>北纬度数，如 29.56</translation>
    </message>
    <message>
        <source>e.g. the hydrology STCD, 8 characters</source>
        <translation>如水文测站编码 STCD，8 位</translation>
    </message>
    <message>
        <source>per hour; 0: no rate alarm</source>
        <translation>每小时；0：不设速率告警</translation>
    </message>
    <message>
        <source>seconds above a threshold before an alarm</source>
        <translation>超过阈值持续多少秒才告警</translation>
    </message>
</context>
<context>
    <name>StationEditor</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>站码</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Hysteresis margin</source>
        <translation>回差</translation>
    </message>
    <message>
        <source>Minimum duration</source>
        <translation>最短持续时间</translation>
    </message>
    <message>
        <source>Rate of rise</source>
        <translation>上涨速率</translation>
    </message>
    <message>
        <source>Level of a rate alarm</source>
        <translation>速率告警级别</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Alarm rules</source>
        <translation>告警规则</translation>
    </message>
    <message>
        <source>Threshold %1</source>
        <translation>%1阈值</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1不能为空。</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1过长：最多 %2 个字符。</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1必须是文字。</translation>
    </message>
    <message>
        <source>Enter the %1 as a number of degrees (for example %2).</source>
        <translation>请以度数填写%1（例如 %2）。</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1必须是数字。</translation>
    </message>
    <message>
        <source>%1 must be within ±%2°.</source>
        <translation>%1必须在 ±%2° 以内。</translation>
    </message>
    <message>
        <source>Choose the kind of station.</source>
        <translation>请选择监测站类型。</translation>
    </message>
    <message>
        <source>%1 does not apply to this kind of station.</source>
        <translation>%1不适用于这类监测站。</translation>
    </message>
    <message>
        <source>%1 is outside the station's measuring range.</source>
        <translation>%1超出监测站的量程。</translation>
    </message>
    <message>
        <source>%1 is outside the measuring range of this kind of station (%2 to %3 %4).</source>
        <translation>%1超出这类监测站的量程（%2 至 %3 %4）。</translation>
    </message>
    <message>
        <source>%1 must be above the thresholds of the lower levels (levels rise in order).</source>
        <translation>%1必须高于较低级别的阈值（级别越高阈值越高）。</translation>
    </message>
    <message>
        <source>%1 must not be below zero.</source>
        <translation>%1不能小于 0。</translation>
    </message>
    <message>
        <source>%1 is at most %2 seconds.</source>
        <translation>%1最多 %2 秒。</translation>
    </message>
    <message>
        <source>%1 is not valid.</source>
        <translation>%1无效。</translation>
    </message>
</context>
<context>
    <name>StationImport</name>
    <message>
        <source>Import stations</source>
        <translation>导入监测站</translation>
    </message>
    <message>
        <source>File (CSV or Excel)</source>
        <translation>文件（CSV 或 Excel）</translation>
    </message>
    <message>
        <source>Station lists (*.csv *.xlsx)</source>
        <translation>监测站列表 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Columns: 名称, 类型, 站码, 所属单位, 地点, 纬度, 经度, 蓝色, 黄色, 橙色, 红色, 警戒水位, 保证水位, 回差, 最短持续秒, 上涨速率. A station with the same 站码 (or, without one, the same name) is updated.</source>
        <translation>列：名称、类型、站码、所属单位、地点、纬度、经度、蓝色、黄色、橙色、红色、警戒水位、保证水位、回差、最短持续秒、上涨速率。站码相同（无站码时名称相同）的监测站将被更新。</translation>
    </message>
    <message>
        <source>The file is larger than 5 MB, or needs more memory to read than an import may use.</source>
        <translation>文件超过 5 MB，或读取所需内存超过导入允许的上限。</translation>
    </message>
    <message>
        <source>The file has more than 5,000 rows.</source>
        <translation>文件超过 5,000 行。</translation>
    </message>
    <message>
        <source>The file holds no stations.</source>
        <translation>文件中没有监测站。</translation>
    </message>
    <message>
        <source>The header needs at least the columns 名称, 类型, 纬度 and 经度 (or name, kind, lat and lon).</source>
        <translation>表头至少需要“名称”“类型”“纬度”“经度”四列（或 name、kind、lat、lon）。</translation>
    </message>
    <message>
        <source>The file is not a readable Excel workbook.</source>
        <translation>文件不是可读取的 Excel 工作簿。</translation>
    </message>
    <message>
        <source>must be one of 雨量站, 河道水位站, 水库水位站, 气体监测点, 位移监测点, 监测站</source>
        <translation>必须是 雨量站、河道水位站、水库水位站、气体监测点、位移监测点、监测站 之一</translation>
    </message>
    <message>
        <source>repeats row %1</source>
        <translation>与第 %1 行重复</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Export CoT file…</source>
        <translation>导出 CoT 文件…</translation>
    </message>
    <message>
        <source>Open incidents and resources as Cursor-on-Target events for TAK</source>
        <translation>将未结事件和资源导出为 TAK 可读的 CoT 事件</translation>
    </message>
    <message>
        <source>Export CoT file</source>
        <translation>导出 CoT 文件</translation>
    </message>
    <message>
        <source>CoT events (*.cot *.xml)</source>
        <translation>CoT 事件 (*.cot *.xml)</translation>
    </message>
    <message>
        <source>Exporting CoT events…</source>
        <translation>正在导出 CoT 事件…</translation>
    </message>
    <message>
        <source>CoT file written: %1 incidents, %2 resources.
%3</source>
        <translation>已导出 CoT 文件：%1 个事件，%2 个资源。
%3</translation>
    </message>
    <message>
        <source>CoT export failed: %1</source>
        <translation>CoT 导出失败：%1</translation>
    </message>
    <message>
        <source>The CoT file could not be written: %1</source>
        <translation>无法写入 CoT 文件：%1</translation>
    </message>
</context>
</TS>
