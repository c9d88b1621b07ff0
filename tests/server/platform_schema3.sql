-- A platform database as the code before Alembic made it (main at adb6c26: server_meta
-- schema_version 3) with demo users, incidents, entries, resources, cameras, contacts and orders;
-- dumped with sqlite3 .dump. tests/server/test_schema.py opens it with today's code.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE users (
	id INTEGER NOT NULL, 
	username VARCHAR(100) NOT NULL, 
	password_hash VARCHAR(255) NOT NULL, 
	role VARCHAR(16) NOT NULL, 
	active BOOLEAN NOT NULL, 
	token_version INTEGER NOT NULL, 
	unit_id VARCHAR(64) NOT NULL, 
	site_code VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (username)
);
INSERT INTO users VALUES(1,'duty','$argon2id$v=19$m=65536,t=3,p=4$ad0UWrh2ojWGk1wdcyqrwA$W/f1HxSYsKBy46Qr9cpDbEZUXaifWNWS7ZkB2Mb9HJU','duty_officer',1,1,'','');
INSERT INTO users VALUES(2,'chief','$argon2id$v=19$m=65536,t=3,p=4$o2VyM8FIG7IvbRrVbYtiIA$vbJV/0IKMXu2o9ztE2qbt2saOrLadbWvudYCVjfB/5w','duty_chief',1,1,'','');
INSERT INTO users VALUES(3,'commander','$argon2id$v=19$m=65536,t=3,p=4$zE0zB22dhzFvNsuF9jgVUw$0ARhDooKRXGoJ+XY6F1LQVHAJF38QGBzyKkPDl1fSKs','commander',1,1,'','');
INSERT INTO users VALUES(4,'viewer','$argon2id$v=19$m=65536,t=3,p=4$Vk/oqrXY9zE3KXjuy6D7Jg$08KmAXx0I32wdtWZCAATwOW4BHsKywlbS3ebCTqJrq8','viewer',1,1,'','');
INSERT INTO users VALUES(5,'admin','$argon2id$v=19$m=65536,t=3,p=4$eMm5E0czPUnsOkbdopezEQ$2h2+9bCGfWS6mkT0OjfbSliP3/lpaI/bQiTd1RCajJM','admin',1,1,'','');
CREATE TABLE server_meta (
	"key" VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);
INSERT INTO server_meta VALUES('schema_version','3');
INSERT INTO server_meta VALUES('cluster_id','67e79e76-4f99-4ca4-9b6a-9c3a6d39299c');
CREATE TABLE incidents (
	id VARCHAR(36) NOT NULL, 
	site_code VARCHAR(32) NOT NULL, 
	code VARCHAR(32) NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	category VARCHAR(32) NOT NULL, 
	type_code VARCHAR(64) NOT NULL, 
	type_name VARCHAR(64) NOT NULL, 
	severity VARCHAR(16) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	occurred_at VARCHAR(40) NOT NULL, 
	reported_at VARCHAR(40) NOT NULL, 
	place VARCHAR(500) NOT NULL, 
	lat FLOAT, 
	lon FLOAT, 
	division VARCHAR(100) NOT NULL, 
	deaths INTEGER NOT NULL, 
	injured INTEGER NOT NULL, 
	missing INTEGER NOT NULL, 
	trapped INTEGER NOT NULL, 
	source VARCHAR(32) NOT NULL, 
	reporter VARCHAR(100) NOT NULL, 
	reporter_phone VARCHAR(40) NOT NULL, 
	exercise BOOLEAN NOT NULL, 
	summary TEXT NOT NULL, 
	created_by VARCHAR(100) NOT NULL, 
	created_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	created_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	last_report_at VARCHAR(40), 
	last_report_kind VARCHAR(24), 
	last_report_seq INTEGER NOT NULL, 
	version INTEGER NOT NULL, 
	field_clock TEXT NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO incidents VALUES('2c62f938-9461-42cb-908f-6ce3e84e6739','CQ','CQ-2026-0001','渝北区礼嘉货车侧翻','accident','road_traffic','道路交通事故','IV','closed','2026-11-11T17:25:44.573+00:00','2026-11-11T17:44:44.573+00:00','重庆市渝北区礼嘉附近',29.763721000000000316,106.61465900000000317,'重庆市渝北区',0,2,0,0,'department','梁静强','18078161849',0,'梁静强来电反映：渝北区礼嘉发生货车侧翻，现场情况正在核实。','值班员 王静','','','','','2026-11-12T00:28:44.573+00:00','2026-11-12T00:28:44.573+00:00','final_report',0,1,'{}');
INSERT INTO incidents VALUES('b7c56e89-48c8-461b-aaef-7c7f954bde00','CQ','CQ-2026-0002','开州区临江集体食物中毒','public_health','food_safety','食品安全和职业危害','IV','closed','2026-11-18T07:58:56.644+00:00','2026-11-18T08:15:56.644+00:00','重庆市开州区临江附近',31.209732999999999947,108.35683299999999462,'重庆市开州区',0,2,0,0,'department','袁艳磊','15269166978',0,'袁艳磊来电反映：开州区临江发生集体食物中毒，现场情况正在核实。','值班员 王静','','','','','2026-11-19T03:00:56.644+00:00','2026-11-19T03:00:56.644+00:00','final_report',0,1,'{}');
INSERT INTO incidents VALUES('1267aece-a33c-4d99-98f9-e62e165c2b97','CQ','CQ-2026-0003','九龙坡区华岩强降雨致城区内涝','natural','flood','洪涝','III','closed','2026-11-20T15:44:58.573+00:00','2026-11-20T16:09:58.573+00:00','重庆市九龙坡区华岩附近',29.462278999999998775,106.5390119999999996,'重庆市九龙坡区',0,4,0,0,'superior','朱桂','15322602563',0,'朱桂来电反映：九龙坡区华岩发生强降雨致城区内涝，现场情况正在核实。','值班员 王静','','','','','2026-11-20T16:09:58.573+00:00',NULL,NULL,0,1,'{}');
INSERT INTO incidents VALUES('3a03c3f1-8545-4a5e-b3db-4d62a6dba57c','CQ','CQ-2026-0004','江北区寸滩港餐馆厨房起火','accident','fire','火灾','IV','closed','2026-11-22T01:03:10.574+00:00','2026-11-22T01:34:10.574+00:00','重庆市江北区寸滩港附近',29.588826000000000959,106.6104349999999954,'重庆市江北区',1,4,1,0,'superior','杜杰','19850142940',0,'杜杰来电反映：江北区寸滩港发生餐馆厨房起火，现场情况正在核实。','值班员 陈晓','','','','','2026-11-22T09:12:10.574+00:00','2026-11-22T09:12:10.574+00:00','final_report',0,1,'{}');
INSERT INTO incidents VALUES('2e2fd614-56e3-4d17-b715-6e20256994bc','CQ','CQ-2026-0005','石柱县南宾隧道内多车追尾','accident','road_traffic','道路交通事故','III','cancelled','2026-11-26T15:44:10.638+00:00','2026-11-26T16:01:10.638+00:00','重庆市石柱县南宾附近',30.010265000000000412,108.13592699999999524,'重庆市石柱县',0,0,0,0,'phone','蔡建涛','15774348734',0,'蔡建涛来电反映：石柱县南宾发生隧道内多车追尾，现场情况正在核实。','带班领导 张建国','','','','','2026-11-26T16:01:10.638+00:00',NULL,NULL,0,1,'{}');
INSERT INTO incidents VALUES('2f2aea15-5026-4c97-a759-497378b7fc49','CQ','CQ-2026-0006','涪陵区江东两车相撞','accident','road_traffic','道路交通事故','IV','closed','2026-11-29T04:20:13.894+00:00','2026-11-29T04:36:13.894+00:00','重庆市涪陵区江东附近',29.673683000000000476,107.38101399999999329,'重庆市涪陵区',0,0,0,0,'superior','梁娟芳','19705466889',0,'梁娟芳来电反映：涪陵区江东发生两车相撞，现场情况正在核实。','值班员 刘洋','','','','','2026-11-29T10:36:13.894+00:00','2026-11-29T10:36:13.894+00:00','final_report',0,1,'{}');
INSERT INTO incidents VALUES('c8e49e8f-6345-4e6d-a472-4ad87fa373b3','CQ','CQ-2026-0007','渝中区化龙桥货车侧翻','accident','road_traffic','道路交通事故','IV','closed','2026-12-02T21:48:31.355+00:00','2026-12-02T22:20:31.355+00:00','重庆市渝中区化龙桥附近',29.566725000000001698,106.59279300000000035,'重庆市渝中区',0,0,0,0,'media','宋平','13904966319',0,'宋平来电反映：渝中区化龙桥发生货车侧翻，现场情况正在核实。','值班员 刘洋','','','','','2026-12-02T22:20:31.355+00:00',NULL,NULL,0,1,'{}');
INSERT INTO incidents VALUES('538f6db8-e9a1-4a24-96e0-c1dfccbd9913','CQ','CQ-2026-0008','武隆区仙女山聚集性发热病例','public_health','epidemic','传染病疫情','IV','closed','2026-12-03T23:46:34.738+00:00','2026-12-04T00:15:34.738+00:00','重庆市武隆区仙女山附近',29.371079000000001713,107.77355900000000587,'重庆市武隆区',0,1,0,0,'phone','邓敏娟','18987769453',1,'邓敏娟来电反映：武隆区仙女山发生聚集性发热病例，现场情况正在核实。','值班员 陈晓','','','','','2026-12-04T00:33:34.738+00:00',NULL,NULL,0,1,'{}');
INSERT INTO incidents VALUES('031703e2-1e75-4980-857d-00c68c116aac','CQ','CQ-2026-0009','涪陵区白涛化工园边坡垮塌','natural','landslide','滑坡','IV','closed','2026-12-04T02:05:19.135+00:00','2026-12-04T02:23:19.135+00:00','重庆市涪陵区白涛化工园附近',29.677136000000000847,107.3796430000000015,'重庆市涪陵区',1,2,0,0,'phone','王娜','19701436349',0,'王娜来电反映：涪陵区白涛化工园发生边坡垮塌，现场情况正在核实。','值班员 王静','','','','','2026-12-04T05:40:19.135+00:00','2026-12-04T05:40:19.135+00:00','final_report',0,1,'{}');
INSERT INTO incidents VALUES('5837863e-6e75-44bf-af59-7dc0eb0269ae','CQ','CQ-2026-0010','渝中区化龙桥货车侧翻','accident','road_traffic','道路交通事故','IV','closed','2026-12-06T03:04:26.783+00:00','2026-12-06T03:09:26.783+00:00','重庆市渝中区化龙桥附近',29.507227000000000316,106.54643400000000497,'重庆市渝中区',0,0,0,0,'media','彭红','18711671902',0,'彭红来电反映：渝中区化龙桥发生货车侧翻，现场情况正在核实。','值班员 刘洋','','','','','2026-12-06T13:22:26.783+00:00','2026-12-06T13:22:26.783+00:00','final_report',0,1,'{}');
INSERT INTO incidents VALUES('140dda7d-d29b-4591-baf4-0693f01b0b0c','CQ','CQ-2026-0011','奉节县永安槽罐车泄漏','accident','hazardous_chemicals','危险化学品事故','III','responding','2026-12-06T14:25:29.104+00:00','2026-12-06T15:00:29.104+00:00','重庆市奉节县永安附近',31.022922000000001218,109.50676699999999641,'重庆市奉节县',0,0,0,0,'phone','刘军','15248086131',0,'刘军来电反映：奉节县永安发生槽罐车泄漏，现场情况正在核实。','带班领导 张建国','','','','','2026-12-06T16:58:29.104+00:00',NULL,NULL,0,1,'{}');
INSERT INTO incidents VALUES('9ca9bfea-a60e-4d16-95fb-d989e075d949','CQ','CQ-2026-0012','江北区五里店游船故障','accident','waterway','水上交通事故','III','responding','2026-12-06T15:12:41.688+00:00','2026-12-06T15:38:41.688+00:00','重庆市江北区五里店附近',29.606228999999999018,106.58301799999999559,'重庆市江北区',5,2,0,0,'phone','周芳静','19026217459',0,'周芳静来电反映：江北区五里店发生游船故障，现场情况正在核实。','带班领导 张建国','','','','','2026-12-06T17:33:41.688+00:00','2026-12-06T16:35:41.688+00:00','initial_report',0,1,'{}');
CREATE TABLE entries (
	id VARCHAR(36) NOT NULL, 
	incident_id VARCHAR(36) NOT NULL, 
	kind VARCHAR(24) NOT NULL, 
	body TEXT NOT NULL, 
	data TEXT NOT NULL, 
	author VARCHAR(100) NOT NULL, 
	author_account VARCHAR(100) DEFAULT '' NOT NULL, 
	author_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	created_at VARCHAR(40) NOT NULL, 
	seq INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO entries VALUES('a1a52b82-d173-4313-ab08-93eb9ae7e2f7','2c62f938-9461-42cb-908f-6ce3e84e6739','system','','{"event": "created"}','值班员 陈晓','','','2026-11-11T17:44:44.573+00:00',13);
INSERT INTO entries VALUES('1a0bd663-8f46-4d69-b0f6-4f164583d513','2c62f938-9461-42cb-908f-6ce3e84e6739','initial_report','首报：01时49分许，渝北区礼嘉发生货车侧翻。已疏散周边群众。','{"severity": "IV"}','值班员 陈晓','','','2026-11-11T17:49:44.573+00:00',14);
INSERT INTO entries VALUES('3c1ccb1a-a401-4056-8248-b51b9f6b23d7','2c62f938-9461-42cb-908f-6ce3e84e6739','status_change','','{"from": "received", "to": "responding"}','值班员 刘洋','','','2026-11-11T17:51:44.573+00:00',15);
INSERT INTO entries VALUES('89a92c1e-f67c-458e-819f-adb33df80ff2','2c62f938-9461-42cb-908f-6ce3e84e6739','follow_up_report','续报1：已疏散周边群众，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','带班领导 张建国','','','2026-11-11T18:47:44.573+00:00',16);
INSERT INTO entries VALUES('eeed3e07-f9da-4409-af70-cc68690505a0','2c62f938-9461-42cb-908f-6ce3e84e6739','call','谢桂（18192832764）来电补充：货车侧翻现场需要增援。','{}','值班员 刘洋','','','2026-11-11T19:30:44.573+00:00',17);
INSERT INTO entries VALUES('cc65a581-9ddc-4f45-b321-f78fc8412700','2c62f938-9461-42cb-908f-6ce3e84e6739','follow_up_report','续报3：已通知属地乡镇（街道）和相关部门赶赴现场处置，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 刘洋','','','2026-11-11T20:16:44.573+00:00',18);
INSERT INTO entries VALUES('d71ffa49-76bc-4b9c-8fa5-6ac2606ed29f','2c62f938-9461-42cb-908f-6ce3e84e6739','follow_up_report','续报4：已启动区县级应急响应，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','带班领导 张建国','','','2026-11-11T21:11:44.573+00:00',19);
INSERT INTO entries VALUES('a6799ae9-90ad-43f0-8cf7-fef5f37e84b0','2c62f938-9461-42cb-908f-6ce3e84e6739','follow_up_report','续报5：已启动区县级应急响应，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 刘洋','','','2026-11-11T21:31:44.573+00:00',20);
INSERT INTO entries VALUES('ae76be06-003c-419e-93e6-21b749faf027','2c62f938-9461-42cb-908f-6ce3e84e6739','final_report','终报：渝北区礼嘉货车侧翻处置完毕，现场已清理，交通恢复正常。','{"severity": "IV"}','带班领导 张建国','','','2026-11-12T00:28:44.573+00:00',21);
INSERT INTO entries VALUES('7e924b60-a0e3-4f88-a6f3-78eb8ea47feb','2c62f938-9461-42cb-908f-6ce3e84e6739','status_change','','{"from": "responding", "to": "closed"}','带班领导 张建国','','','2026-11-12T00:28:44.573+00:00',22);
INSERT INTO entries VALUES('27b8ba21-bf20-4742-b2da-df78929f38a1','b7c56e89-48c8-461b-aaef-7c7f954bde00','system','','{"event": "created"}','值班员 陈晓','','','2026-11-18T08:15:56.644+00:00',23);
INSERT INTO entries VALUES('27eee3c4-4d3b-4897-ac14-70533d1047aa','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','已疏散周边群众；值班员 王静跟踪督办。','{}','值班员 陈晓','','','2026-11-18T09:01:56.644+00:00',24);
INSERT INTO entries VALUES('386d6bf3-ded9-4048-bc3d-4bd721c66581','b7c56e89-48c8-461b-aaef-7c7f954bde00','initial_report','首报：17时22分许，开州区临江发生集体食物中毒。正在组织排查周边隐患。','{"severity": "IV"}','值班员 陈晓','','','2026-11-18T09:22:56.644+00:00',25);
INSERT INTO entries VALUES('bc6e2c8e-4fe0-422b-bfc6-113b10c66711','b7c56e89-48c8-461b-aaef-7c7f954bde00','status_change','','{"from": "received", "to": "responding"}','值班员 王静','','','2026-11-18T09:24:56.644+00:00',26);
INSERT INTO entries VALUES('d44f8591-12a0-43e7-8e9c-98c5d7624b2d','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','消防救援队伍已出动；值班员 王静跟踪督办。','{}','值班员 刘洋','','','2026-11-18T09:57:56.644+00:00',27);
INSERT INTO entries VALUES('2f4d0d85-73f2-4599-88f1-fcfe5e20f1c7','b7c56e89-48c8-461b-aaef-7c7f954bde00','call','蔡平（18701543039）来电补充：集体食物中毒现场有浓烟。','{}','值班员 陈晓','','','2026-11-18T10:09:56.644+00:00',28);
INSERT INTO entries VALUES('a765f48d-a75f-40ea-b525-3db0f29ea745','b7c56e89-48c8-461b-aaef-7c7f954bde00','call','潘静（19824896383）来电补充：集体食物中毒现场有群众围观。','{}','带班领导 张建国','','','2026-11-18T10:58:56.644+00:00',29);
INSERT INTO entries VALUES('fd4d3dff-4a1a-4eb2-b899-b14fc0e26c46','b7c56e89-48c8-461b-aaef-7c7f954bde00','call','蔡敏磊（15150983930）来电补充：集体食物中毒现场有浓烟。','{}','值班员 陈晓','','','2026-11-18T11:43:56.644+00:00',30);
INSERT INTO entries VALUES('077fff1b-95fd-4f78-a34e-dbab461d850e','b7c56e89-48c8-461b-aaef-7c7f954bde00','follow_up_report','续报6：已通知属地乡镇（街道）和相关部门赶赴现场处置，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 王静','','','2026-11-18T12:00:56.644+00:00',31);
INSERT INTO entries VALUES('6eaa72b6-8298-4b0b-a4ed-fdfefecd1ce9','b7c56e89-48c8-461b-aaef-7c7f954bde00','call','彭秀（15997376311）来电补充：集体食物中毒现场暂无人员被困。','{}','值班员 王静','','','2026-11-18T12:07:56.644+00:00',32);
INSERT INTO entries VALUES('aa68fe77-eaff-40d2-a533-486733998b10','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','已通知属地乡镇（街道）和相关部门赶赴现场处置；值班员 陈晓跟踪督办。','{}','值班员 陈晓','','','2026-11-18T12:37:56.644+00:00',33);
INSERT INTO entries VALUES('b9721959-f033-4f77-aeb5-01ea331c74da','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','消防救援队伍已出动；值班员 刘洋跟踪督办。','{}','值班员 刘洋','','','2026-11-18T13:05:56.644+00:00',34);
INSERT INTO entries VALUES('72228971-f929-438a-8b44-0fd7cdfa309c','b7c56e89-48c8-461b-aaef-7c7f954bde00','call','孙涛磊（13781080132）来电补充：集体食物中毒现场暂无人员被困。','{}','带班领导 张建国','','','2026-11-18T13:20:56.644+00:00',35);
INSERT INTO entries VALUES('264509e2-6712-4699-9456-d334f64ed21a','b7c56e89-48c8-461b-aaef-7c7f954bde00','follow_up_report','续报11：应急、公安、卫健等部门已到场，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 陈晓','','','2026-11-18T13:53:56.644+00:00',36);
INSERT INTO entries VALUES('3a67bd58-e56d-4a7c-870c-fd087a0a63df','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','已疏散周边群众；带班领导 张建国跟踪督办。','{}','值班员 王静','','','2026-11-18T14:06:56.644+00:00',37);
INSERT INTO entries VALUES('8f9735f4-6f1d-4a84-9273-4be971adc659','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','正在组织排查周边隐患；值班员 刘洋跟踪督办。','{}','值班员 刘洋','','','2026-11-18T14:36:56.644+00:00',38);
INSERT INTO entries VALUES('af2c45e5-9a0e-40ef-962f-6a16bf27050f','b7c56e89-48c8-461b-aaef-7c7f954bde00','follow_up_report','续报14：已通知属地乡镇（街道）和相关部门赶赴现场处置，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 陈晓','','','2026-11-18T14:57:56.644+00:00',39);
INSERT INTO entries VALUES('4ed2b154-ede0-43ca-a14c-8836761f6610','b7c56e89-48c8-461b-aaef-7c7f954bde00','follow_up_report','续报15：已通知属地乡镇（街道）和相关部门赶赴现场处置，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','带班领导 张建国','','','2026-11-18T15:47:56.644+00:00',40);
INSERT INTO entries VALUES('e851fcdf-3584-42cf-8879-cccd3414c371','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','已通知属地乡镇（街道）和相关部门赶赴现场处置；值班员 陈晓跟踪督办。','{}','值班员 刘洋','','','2026-11-18T16:22:56.644+00:00',41);
INSERT INTO entries VALUES('3b00e310-62bc-48ed-b51c-6634b85aad18','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','交警已实施交通管制；带班领导 张建国跟踪督办。','{}','值班员 陈晓','','','2026-11-18T16:29:56.644+00:00',42);
INSERT INTO entries VALUES('4be97ac6-09f5-41c9-996f-8a393277963d','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','已通知属地乡镇（街道）和相关部门赶赴现场处置；值班员 陈晓跟踪督办。','{}','带班领导 张建国','','','2026-11-18T17:28:56.644+00:00',43);
INSERT INTO entries VALUES('c1f3d66a-6ffd-4a55-ab94-a5e10f57960d','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','已疏散周边群众；值班员 刘洋跟踪督办。','{}','值班员 王静','','','2026-11-18T18:13:56.644+00:00',44);
INSERT INTO entries VALUES('93cc2c2a-d444-4b0e-970f-4a4949ef63ea','b7c56e89-48c8-461b-aaef-7c7f954bde00','follow_up_report','续报20：120急救车辆已到场转运伤员，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 王静','','','2026-11-18T18:31:56.644+00:00',45);
INSERT INTO entries VALUES('58c180a0-ddbf-4a1d-9425-2f2d7d2e1e1b','b7c56e89-48c8-461b-aaef-7c7f954bde00','follow_up_report','续报21：消防救援队伍已出动，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 陈晓','','','2026-11-18T19:03:56.644+00:00',46);
INSERT INTO entries VALUES('41230bde-d647-4c20-989b-252418b1661d','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','消防救援队伍已出动；值班员 陈晓跟踪督办。','{}','值班员 刘洋','','','2026-11-18T19:35:56.644+00:00',47);
INSERT INTO entries VALUES('4314342d-505a-4447-a45f-1eb5606d3180','b7c56e89-48c8-461b-aaef-7c7f954bde00','follow_up_report','续报23：已启动区县级应急响应，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 陈晓','','','2026-11-18T20:10:56.644+00:00',48);
INSERT INTO entries VALUES('e7115a8d-c474-4856-afa9-921ae2e7fbfd','b7c56e89-48c8-461b-aaef-7c7f954bde00','follow_up_report','续报24：已疏散周边群众，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 刘洋','','','2026-11-18T21:09:56.644+00:00',49);
INSERT INTO entries VALUES('b6e27ced-ba8b-4ed9-900c-3b83018c26e3','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','已通知属地乡镇（街道）和相关部门赶赴现场处置；值班员 王静跟踪督办。','{}','值班员 陈晓','','','2026-11-18T21:40:56.644+00:00',50);
INSERT INTO entries VALUES('394b0046-ea9f-4e09-b03f-bd2cf409fc82','b7c56e89-48c8-461b-aaef-7c7f954bde00','follow_up_report','续报26：消防救援队伍已出动，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 陈晓','','','2026-11-18T22:39:56.644+00:00',51);
INSERT INTO entries VALUES('b9f283fd-7325-474a-9b4f-49721ac47e7d','b7c56e89-48c8-461b-aaef-7c7f954bde00','call','于英（18348740164）来电补充：集体食物中毒现场有浓烟。','{}','值班员 陈晓','','','2026-11-18T23:29:56.644+00:00',52);
INSERT INTO entries VALUES('ba4e0513-1a1a-4594-8d79-634e849b5712','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','已疏散周边群众；值班员 刘洋跟踪督办。','{}','带班领导 张建国','','','2026-11-18T23:53:56.644+00:00',53);
INSERT INTO entries VALUES('20cf39fd-c755-4390-9283-f3e8c5768072','b7c56e89-48c8-461b-aaef-7c7f954bde00','note','消防救援队伍已出动；值班员 陈晓跟踪督办。','{}','值班员 刘洋','','','2026-11-19T00:31:56.644+00:00',54);
INSERT INTO entries VALUES('9dadb617-01f1-441e-a3b1-200ae1e6ada2','b7c56e89-48c8-461b-aaef-7c7f954bde00','final_report','终报：开州区临江集体食物中毒处置完毕，现场已清理，交通恢复正常。','{"severity": "IV"}','值班员 陈晓','','','2026-11-19T03:00:56.644+00:00',55);
INSERT INTO entries VALUES('0093f000-8d86-4134-866f-9a8d2652365b','b7c56e89-48c8-461b-aaef-7c7f954bde00','status_change','','{"from": "responding", "to": "closed"}','值班员 王静','','','2026-11-19T03:00:56.644+00:00',56);
INSERT INTO entries VALUES('148ca3ae-e146-4a19-98e1-030d8a8be1e5','1267aece-a33c-4d99-98f9-e62e165c2b97','system','','{"event": "created"}','值班员 陈晓','','','2026-11-20T16:09:58.573+00:00',57);
INSERT INTO entries VALUES('2b25a7a6-dffd-4cf1-8fc1-f2b6ada645e3','3a03c3f1-8545-4a5e-b3db-4d62a6dba57c','system','','{"event": "created"}','值班员 王静','','','2026-11-22T01:34:10.574+00:00',58);
INSERT INTO entries VALUES('12d35cc7-cede-4a12-886b-f91bc64f37e3','3a03c3f1-8545-4a5e-b3db-4d62a6dba57c','call','萧杰（15406088356）来电补充：餐馆厨房起火现场有浓烟。','{}','值班员 王静','','','2026-11-22T02:23:10.574+00:00',59);
INSERT INTO entries VALUES('09a160b6-46af-4a77-98a5-8e4ddec556b8','3a03c3f1-8545-4a5e-b3db-4d62a6dba57c','initial_report','首报：11时05分许，江北区寸滩港发生餐馆厨房起火。消防救援队伍已出动。','{"severity": "IV"}','值班员 王静','','','2026-11-22T03:05:10.574+00:00',60);
INSERT INTO entries VALUES('2246e583-788a-4d2b-9709-9214ee8dfa35','3a03c3f1-8545-4a5e-b3db-4d62a6dba57c','status_change','','{"from": "received", "to": "responding"}','值班员 王静','','','2026-11-22T03:07:10.574+00:00',61);
INSERT INTO entries VALUES('e8b01695-df96-447b-af98-7328e3b92be6','3a03c3f1-8545-4a5e-b3db-4d62a6dba57c','call','林强（19629946804）来电补充：餐馆厨房起火现场有群众围观。','{}','值班员 刘洋','','','2026-11-22T03:50:10.574+00:00',62);
INSERT INTO entries VALUES('7363390b-eefa-4bf5-a28c-289bede385df','3a03c3f1-8545-4a5e-b3db-4d62a6dba57c','note','已启动区县级应急响应；带班领导 张建国跟踪督办。','{}','带班领导 张建国','','','2026-11-22T04:20:10.574+00:00',63);
INSERT INTO entries VALUES('a7ea1c75-4b5e-4464-80ef-714260e08bdf','3a03c3f1-8545-4a5e-b3db-4d62a6dba57c','note','120急救车辆已到场转运伤员；值班员 陈晓跟踪督办。','{}','值班员 王静','','','2026-11-22T04:51:10.574+00:00',64);
INSERT INTO entries VALUES('947a683a-a6cc-45ef-a183-b283ada43309','3a03c3f1-8545-4a5e-b3db-4d62a6dba57c','note','消防救援队伍已出动；值班员 刘洋跟踪督办。','{}','值班员 王静','','','2026-11-22T05:26:10.574+00:00',65);
INSERT INTO entries VALUES('0960de1f-668a-4bc0-b00b-352bc95e41fb','3a03c3f1-8545-4a5e-b3db-4d62a6dba57c','call','张明（13769367632）来电补充：餐馆厨房起火现场有浓烟。','{}','值班员 陈晓','','','2026-11-22T05:43:10.574+00:00',66);
INSERT INTO entries VALUES('3bd54f41-5b2f-4501-b2fa-d25797c33013','3a03c3f1-8545-4a5e-b3db-4d62a6dba57c','final_report','终报：江北区寸滩港餐馆厨房起火处置完毕，现场已清理，交通恢复正常。','{"severity": "IV"}','带班领导 张建国','','','2026-11-22T09:12:10.574+00:00',67);
INSERT INTO entries VALUES('f2dfcced-8027-41d8-975c-e187c1a05cf5','3a03c3f1-8545-4a5e-b3db-4d62a6dba57c','status_change','','{"from": "responding", "to": "closed"}','值班员 刘洋','','','2026-11-22T09:12:10.574+00:00',68);
INSERT INTO entries VALUES('e94f10dc-6de6-4783-9fc0-526eee731588','2e2fd614-56e3-4d17-b715-6e20256994bc','system','','{"event": "created"}','值班员 王静','','','2026-11-26T16:01:10.638+00:00',69);
INSERT INTO entries VALUES('5b1658be-bb4d-4365-8cca-6bd50e524798','2f2aea15-5026-4c97-a759-497378b7fc49','system','','{"event": "created"}','值班员 王静','','','2026-11-29T04:36:13.894+00:00',70);
INSERT INTO entries VALUES('3eb3ee6a-a48e-482d-8de3-c730358848d8','2f2aea15-5026-4c97-a759-497378b7fc49','initial_report','首报：13时06分许，涪陵区江东发生两车相撞。应急、公安、卫健等部门已到场。','{"severity": "IV"}','值班员 王静','','','2026-11-29T05:06:13.894+00:00',71);
INSERT INTO entries VALUES('c4deda85-c646-4fb5-b77c-863ba68e63a1','2f2aea15-5026-4c97-a759-497378b7fc49','status_change','','{"from": "received", "to": "responding"}','带班领导 张建国','','','2026-11-29T05:08:13.894+00:00',72);
INSERT INTO entries VALUES('23bbe364-0c49-4b09-9103-168b4312e099','2f2aea15-5026-4c97-a759-497378b7fc49','follow_up_report','续报1：正在组织排查周边隐患，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 刘洋','','','2026-11-29T05:55:13.894+00:00',73);
INSERT INTO entries VALUES('0310979a-1440-4cc5-90b0-d0afd1efc8fc','2f2aea15-5026-4c97-a759-497378b7fc49','note','已通知属地乡镇（街道）和相关部门赶赴现场处置；值班员 陈晓跟踪督办。','{}','带班领导 张建国','','','2026-11-29T06:37:13.894+00:00',74);
INSERT INTO entries VALUES('8e7af1b6-db31-429a-9b05-4fc70adb833e','2f2aea15-5026-4c97-a759-497378b7fc49','call','何勇强（19556464170）来电补充：两车相撞现场需要增援。','{}','值班员 陈晓','','','2026-11-29T06:48:13.894+00:00',75);
INSERT INTO entries VALUES('d2fd941a-d28f-4d53-a635-0e2cd741a043','2f2aea15-5026-4c97-a759-497378b7fc49','follow_up_report','续报4：消防救援队伍已出动，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 陈晓','','','2026-11-29T07:13:13.894+00:00',76);
INSERT INTO entries VALUES('90ab73cf-f524-45bd-a4ae-f5aca3484c65','2f2aea15-5026-4c97-a759-497378b7fc49','final_report','终报：涪陵区江东两车相撞处置完毕，现场已清理，交通恢复正常。','{"severity": "IV"}','值班员 陈晓','','','2026-11-29T10:36:13.894+00:00',77);
INSERT INTO entries VALUES('5d59c15f-edf6-4c9f-87ba-14a29eb6bacb','2f2aea15-5026-4c97-a759-497378b7fc49','status_change','','{"from": "responding", "to": "closed"}','值班员 刘洋','','','2026-11-29T10:36:13.894+00:00',78);
INSERT INTO entries VALUES('f1b92c73-115f-43d5-8bc5-027b39598402','c8e49e8f-6345-4e6d-a472-4ad87fa373b3','system','','{"event": "created"}','值班员 王静','','','2026-12-02T22:20:31.355+00:00',79);
INSERT INTO entries VALUES('9f13d6b2-cb5c-4d54-9ef8-b966dcf6b008','538f6db8-e9a1-4a24-96e0-c1dfccbd9913','system','','{"event": "created"}','带班领导 张建国','','','2026-12-04T00:15:34.738+00:00',80);
INSERT INTO entries VALUES('5f63a164-cb13-4a8d-81ea-7d8abaf02c60','538f6db8-e9a1-4a24-96e0-c1dfccbd9913','note','应急、公安、卫健等部门已到场；值班员 王静跟踪督办。','{}','值班员 陈晓','','','2026-12-04T00:33:34.738+00:00',81);
INSERT INTO entries VALUES('8e2f9fca-cff5-4030-849c-d4fa78928ed2','031703e2-1e75-4980-857d-00c68c116aac','system','','{"event": "created"}','值班员 王静','','','2026-12-04T02:23:19.135+00:00',82);
INSERT INTO entries VALUES('59ce284b-acc3-4cbf-87f6-d49441a243b4','031703e2-1e75-4980-857d-00c68c116aac','note','已启动区县级应急响应；带班领导 张建国跟踪督办。','{}','值班员 王静','','','2026-12-04T02:53:19.135+00:00',83);
INSERT INTO entries VALUES('0e7dc76f-5a52-4da3-af88-d18292bf5e22','031703e2-1e75-4980-857d-00c68c116aac','initial_report','首报：11时15分许，涪陵区白涛化工园发生边坡垮塌。消防救援队伍已出动。','{"severity": "IV"}','值班员 刘洋','','','2026-12-04T03:15:19.135+00:00',84);
INSERT INTO entries VALUES('b990a68c-bba1-4499-a564-a8dec79d2479','031703e2-1e75-4980-857d-00c68c116aac','status_change','','{"from": "received", "to": "responding"}','值班员 王静','','','2026-12-04T03:17:19.135+00:00',85);
INSERT INTO entries VALUES('b9f5193d-76ef-4885-ab11-7d7588b7628c','031703e2-1e75-4980-857d-00c68c116aac','note','120急救车辆已到场转运伤员；值班员 刘洋跟踪督办。','{}','值班员 刘洋','','','2026-12-04T03:25:19.135+00:00',86);
INSERT INTO entries VALUES('d655a931-4a2e-4287-83ea-0e14b959e23e','031703e2-1e75-4980-857d-00c68c116aac','note','已疏散周边群众；值班员 陈晓跟踪督办。','{}','值班员 刘洋','','','2026-12-04T04:15:19.135+00:00',87);
INSERT INTO entries VALUES('da1b58a0-d6fe-4b4f-9a55-31361402168a','031703e2-1e75-4980-857d-00c68c116aac','final_report','终报：涪陵区白涛化工园边坡垮塌处置完毕，现场已清理，交通恢复正常。','{"severity": "IV"}','值班员 刘洋','','','2026-12-04T05:40:19.135+00:00',88);
INSERT INTO entries VALUES('0c0bb4ae-e908-4dc9-9d64-ac82cda5a00a','031703e2-1e75-4980-857d-00c68c116aac','status_change','','{"from": "responding", "to": "closed"}','值班员 王静','','','2026-12-04T05:40:19.135+00:00',89);
INSERT INTO entries VALUES('c967807c-014a-49b1-9e1f-e7b1bd8c2184','5837863e-6e75-44bf-af59-7dc0eb0269ae','system','','{"event": "created"}','值班员 王静','','','2026-12-06T03:09:26.783+00:00',90);
INSERT INTO entries VALUES('775e8ca8-0fec-49d4-9ddc-3c4039173079','5837863e-6e75-44bf-af59-7dc0eb0269ae','call','邓建（19774964990）来电补充：货车侧翻现场需要增援。','{}','值班员 陈晓','','','2026-12-06T03:17:26.783+00:00',91);
INSERT INTO entries VALUES('6cdbcd03-1788-4299-b44a-ef6d701fc151','5837863e-6e75-44bf-af59-7dc0eb0269ae','initial_report','首报：12时08分许，渝中区化龙桥发生货车侧翻。交警已实施交通管制。','{"severity": "IV"}','值班员 王静','','','2026-12-06T04:08:26.783+00:00',92);
INSERT INTO entries VALUES('406ab5d7-d0c6-47e0-9849-0fc2e6f6a3af','5837863e-6e75-44bf-af59-7dc0eb0269ae','status_change','','{"from": "received", "to": "responding"}','值班员 陈晓','','','2026-12-06T04:10:26.783+00:00',93);
INSERT INTO entries VALUES('e6d58d22-9509-427b-be54-6c9865410704','5837863e-6e75-44bf-af59-7dc0eb0269ae','follow_up_report','续报2：消防救援队伍已出动，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 刘洋','','','2026-12-06T04:21:26.783+00:00',94);
INSERT INTO entries VALUES('e3526ae7-e553-4e86-acb6-4ca1b0672883','5837863e-6e75-44bf-af59-7dc0eb0269ae','note','正在组织排查周边隐患；值班员 王静跟踪督办。','{}','值班员 陈晓','','','2026-12-06T04:24:26.783+00:00',95);
INSERT INTO entries VALUES('3d56a829-a45e-4350-acb3-0bc2e69c062d','5837863e-6e75-44bf-af59-7dc0eb0269ae','follow_up_report','续报4：已疏散周边群众，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','带班领导 张建国','','','2026-12-06T04:41:26.783+00:00',96);
INSERT INTO entries VALUES('11646971-cf53-4bf0-a2eb-050198a6048b','5837863e-6e75-44bf-af59-7dc0eb0269ae','note','交警已实施交通管制；带班领导 张建国跟踪督办。','{}','值班员 陈晓','','','2026-12-06T04:48:26.783+00:00',97);
INSERT INTO entries VALUES('e755eaf7-bbf1-4de0-b2fc-ab19febd71b4','5837863e-6e75-44bf-af59-7dc0eb0269ae','follow_up_report','续报6：120急救车辆已到场转运伤员，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 王静','','','2026-12-06T05:25:26.783+00:00',98);
INSERT INTO entries VALUES('f75fa7f3-14f5-4d7d-942f-1759fe19d4ed','5837863e-6e75-44bf-af59-7dc0eb0269ae','follow_up_report','续报7：已通知属地乡镇（街道）和相关部门赶赴现场处置，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 刘洋','','','2026-12-06T06:20:26.783+00:00',99);
INSERT INTO entries VALUES('7ee8ceef-c9b2-4acc-b0ee-0af229ab9ed2','5837863e-6e75-44bf-af59-7dc0eb0269ae','follow_up_report','续报8：已疏散周边群众，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','带班领导 张建国','','','2026-12-06T07:13:26.783+00:00',100);
INSERT INTO entries VALUES('0a688935-7bf4-4c4b-9bc9-1a09347cd341','5837863e-6e75-44bf-af59-7dc0eb0269ae','call','许超秀（19719065940）来电补充：货车侧翻现场有浓烟。','{}','值班员 刘洋','','','2026-12-06T07:23:26.783+00:00',101);
INSERT INTO entries VALUES('3c52ad94-3fbc-4c99-9f81-e8da8ceb4264','5837863e-6e75-44bf-af59-7dc0eb0269ae','note','已通知属地乡镇（街道）和相关部门赶赴现场处置；值班员 王静跟踪督办。','{}','值班员 陈晓','','','2026-12-06T08:09:26.783+00:00',102);
INSERT INTO entries VALUES('4c121808-f0e4-4a2c-bf04-41923f735a4f','5837863e-6e75-44bf-af59-7dc0eb0269ae','call','蒋军丽（19717565512）来电补充：货车侧翻现场有群众围观。','{}','带班领导 张建国','','','2026-12-06T09:00:26.783+00:00',103);
INSERT INTO entries VALUES('98cc0cdd-467c-489d-a4a0-7da35d6faad8','5837863e-6e75-44bf-af59-7dc0eb0269ae','note','应急、公安、卫健等部门已到场；值班员 陈晓跟踪督办。','{}','带班领导 张建国','','','2026-12-06T09:47:26.783+00:00',104);
INSERT INTO entries VALUES('62650164-49ba-4851-914a-ce3a532c4440','5837863e-6e75-44bf-af59-7dc0eb0269ae','follow_up_report','续报13：已启动区县级应急响应，现场秩序平稳，伤亡情况正在进一步核实。','{"severity": "IV"}','值班员 陈晓','','','2026-12-06T09:55:26.783+00:00',105);
INSERT INTO entries VALUES('2e3ffcf9-4d2e-4473-ad93-29a7d148bd42','5837863e-6e75-44bf-af59-7dc0eb0269ae','final_report','终报：渝中区化龙桥货车侧翻处置完毕，现场已清理，交通恢复正常。','{"severity": "IV"}','带班领导 张建国','','','2026-12-06T13:22:26.783+00:00',106);
INSERT INTO entries VALUES('486a0c39-9ffa-48b1-9a1b-f04bcf6b1469','5837863e-6e75-44bf-af59-7dc0eb0269ae','status_change','','{"from": "responding", "to": "closed"}','值班员 陈晓','','','2026-12-06T13:22:26.783+00:00',107);
INSERT INTO entries VALUES('b1ee6225-3126-4e96-9bf0-3c5c25be544d','140dda7d-d29b-4591-baf4-0693f01b0b0c','system','','{"event": "created"}','值班员 刘洋','','','2026-12-06T15:00:29.104+00:00',108);
INSERT INTO entries VALUES('ab5114e0-b3c6-47e0-9161-20bde44bb2ed','140dda7d-d29b-4591-baf4-0693f01b0b0c','call','高志明（19378263982）来电补充：槽罐车泄漏现场有浓烟。','{}','值班员 王静','','','2026-12-06T15:34:29.104+00:00',109);
INSERT INTO entries VALUES('f260d14a-6f02-44f7-a05c-5ac9291ec88e','140dda7d-d29b-4591-baf4-0693f01b0b0c','call','萧志伟（18499727875）来电补充：槽罐车泄漏现场有群众围观。','{}','带班领导 张建国','','','2026-12-06T16:26:29.104+00:00',110);
INSERT INTO entries VALUES('3c52921e-5ba9-42b9-a00d-8252bd4e2ad2','140dda7d-d29b-4591-baf4-0693f01b0b0c','note','交警已实施交通管制；带班领导 张建国跟踪督办。','{}','值班员 刘洋','','','2026-12-06T16:58:29.104+00:00',111);
INSERT INTO entries VALUES('b0eaf446-aa8f-4f07-9240-1e149c537e9e','9ca9bfea-a60e-4d16-95fb-d989e075d949','system','','{"event": "created"}','值班员 王静','','','2026-12-06T15:38:41.688+00:00',112);
INSERT INTO entries VALUES('9890aba5-3218-438b-a3bc-a5ce79a32ce0','9ca9bfea-a60e-4d16-95fb-d989e075d949','initial_report','首报：00时35分许，江北区五里店发生游船故障。应急、公安、卫健等部门已到场。','{"severity": "III"}','值班员 王静','','','2026-12-06T16:35:41.688+00:00',113);
INSERT INTO entries VALUES('f46c5d1f-585c-4f1c-84f0-99ab3ff73200','9ca9bfea-a60e-4d16-95fb-d989e075d949','status_change','','{"from": "received", "to": "responding"}','带班领导 张建国','','','2026-12-06T16:37:41.688+00:00',114);
INSERT INTO entries VALUES('0b509bfd-5a85-455d-811b-c29cadffe5b1','9ca9bfea-a60e-4d16-95fb-d989e075d949','note','交警已实施交通管制；值班员 王静跟踪督办。','{}','值班员 刘洋','','','2026-12-06T17:33:41.688+00:00',115);
INSERT INTO entries VALUES('b8f92f2a-7b56-5efc-83aa-6d55c27d443c','9ca9bfea-a60e-4d16-95fb-d989e075d949','dispatch','调度指令已下达：救援队。疏散周边群众并设置警戒','{"order_id": "47c45de5-52bf-4ef2-9366-46b9c0493903", "order_status": "issued"}','演示','','','2026-12-06T16:16:51.592404+00:00',281);
INSERT INTO entries VALUES('980311b6-d359-5c6c-8f9d-05b826b918c8','140dda7d-d29b-4591-baf4-0693f01b0b0c','dispatch','调度指令已下达：救援队。协助转运伤员','{"order_id": "b9594568-e48d-4e76-9ddd-25d266cd5744", "order_status": "issued"}','演示','','','2026-12-06T17:34:51.592404+00:00',283);
INSERT INTO entries VALUES('ea6e3e23-f022-58a7-9bb7-b5944e0dc2d8','9ca9bfea-a60e-4d16-95fb-d989e075d949','dispatch','调度指令已下达：救援队。携带破拆和照明设备增援','{"order_id": "c827cc1e-4364-4042-a355-873663b9ac42", "order_status": "issued"}','演示','','','2026-12-06T17:29:51.592404+00:00',285);
INSERT INTO entries VALUES('445e9de5-4f0c-5219-90ec-af214bc964f1','9ca9bfea-a60e-4d16-95fb-d989e075d949','dispatch','调度指令已签收：救援队（救援队）','{"order_id": "c827cc1e-4364-4042-a355-873663b9ac42", "order_status": "acknowledged"}','救援队','','','2026-12-06T17:32:51.592404+00:00',287);
INSERT INTO entries VALUES('b8fdef16-d4cd-595b-83b5-af650dff1330','9ca9bfea-a60e-4d16-95fb-d989e075d949','dispatch','调度指令已出发：救援队（救援队）','{"order_id": "c827cc1e-4364-4042-a355-873663b9ac42", "order_status": "departed"}','救援队','','','2026-12-06T17:35:51.592404+00:00',289);
INSERT INTO entries VALUES('37ae30de-2a70-5fcb-8e5c-5d55d7678413','9ca9bfea-a60e-4d16-95fb-d989e075d949','dispatch','调度指令已到场：救援队（救援队）','{"order_id": "c827cc1e-4364-4042-a355-873663b9ac42", "order_status": "arrived"}','救援队','','','2026-12-06T17:38:51.592404+00:00',291);
INSERT INTO entries VALUES('1117e969-d5af-5b44-95dd-e5ed389ac0c5','140dda7d-d29b-4591-baf4-0693f01b0b0c','dispatch','调度指令已下达：救援队。携带破拆和照明设备增援','{"order_id": "27587180-14d9-4034-b36d-0dd3eff328c5", "order_status": "issued"}','演示','','','2026-12-06T17:14:51.592404+00:00',293);
INSERT INTO entries VALUES('3529c260-3db2-5dc3-961f-631645ec4bb4','9ca9bfea-a60e-4d16-95fb-d989e075d949','dispatch','调度指令已下达：救援队。协助转运伤员','{"order_id": "b667c02b-0af4-44a5-8aef-b27c33c3daea", "order_status": "issued"}','演示','','','2026-12-06T16:19:51.592404+00:00',295);
CREATE TABLE resources (
	id VARCHAR(36) NOT NULL, 
	kind VARCHAR(24) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	lat FLOAT NOT NULL, 
	lon FLOAT NOT NULL, 
	division VARCHAR(100) NOT NULL, 
	address VARCHAR(500) NOT NULL, 
	contact VARCHAR(100) NOT NULL, 
	phone VARCHAR(40) NOT NULL, 
	available BOOLEAN NOT NULL, 
	details TEXT NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	field_clock TEXT NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO resources VALUES('0f5fdfae-6dc9-564f-8c06-af613fe81f34','supply','九龙坡区华岩应急物资储备库',29.41869700000000165,106.56231499999999812,'重庆市九龙坡区','华岩','刘主任','023-69781064',1,'{"items": [{"name": "帐篷", "unit": "顶", "quantity": 748}, {"name": "沙袋", "unit": "只", "quantity": 1193}, {"name": "方便食品", "unit": "箱", "quantity": 118}, {"name": "救生衣", "unit": "件", "quantity": 1863}], "exercise": true}','','','2026-12-06T17:36:51.568+00:00',1,'{}');
INSERT INTO resources VALUES('40098140-26e0-5901-8331-2549ae5a2807','hazard','官渡加油站',31.04194299999999984,109.98105200000000536,'重庆市巫山县','官渡','杨队长','023-69757631',0,'{"hazard_class": "二级重大危险源", "radius_m": 500, "exercise": true}','','','2026-12-06T17:36:51.568+00:00',1,'{}');
INSERT INTO resources VALUES('d577257b-8669-57e5-8e08-43b8486c6229','shelter','回兴广场应急避难场所',29.69064300000000145,106.73254199999999513,'重庆市渝北区','回兴','黄队长','023-69637230',1,'{"capacity": 998, "occupancy": 0, "exercise": true}','','','2026-12-06T17:36:51.568+00:00',1,'{}');
INSERT INTO resources VALUES('e662c4c3-94a6-58c3-b2a9-a236f4eaebb9','supply','綦江区三角应急物资储备库',29.005365000000001174,106.57511300000000176,'重庆市綦江区','三角','马值班员','023-61153650',1,'{"items": [{"name": "沙袋", "unit": "只", "quantity": 241}, {"name": "棉被", "unit": "床", "quantity": 1048}, {"name": "方便食品", "unit": "箱", "quantity": 856}, {"name": "帐篷", "unit": "顶", "quantity": 337}], "exercise": true}','','','2026-12-06T17:36:51.568+00:00',1,'{}');
INSERT INTO resources VALUES('f74028b5-0056-52f7-8e54-cac923d3a381','expert','胡文（防汛抗旱）',29.762733999999998247,106.46099399999999946,'重庆市北碚区','歇马','林队长','023-63660918',1,'{"field": "建筑结构", "exercise": true}','','','2026-12-06T17:36:51.568+00:00',1,'{}');
INSERT INTO resources VALUES('cdab094e-38d8-5d20-8707-76e24671a09e','medical','九龙坡区卫生院',29.528517999999998266,106.47443699999999466,'重庆市九龙坡区','石桥铺','朱站长','023-66382745',1,'{"beds": 834, "free_beds": 100, "exercise": true}','','','2026-12-06T17:36:51.568+00:00',1,'{}');
INSERT INTO resources VALUES('b37724fd-b6bd-5cbd-a738-65178174d775','hazard','杨家坪危化品仓库',29.539694000000000784,106.56982899999999859,'重庆市九龙坡区','杨家坪','罗站长','023-62105398',0,'{"hazard_class": "一级重大危险源", "radius_m": 500, "exercise": true}','','','2026-12-06T17:36:51.568+00:00',1,'{}');
INSERT INTO resources VALUES('b1779ea3-6fdb-5c35-8ddc-1a6128c45319','shelter','濯水广场应急避难场所',29.585689999999999599,108.93250000000000454,'重庆市黔江区','濯水','高主任','023-61844290',1,'{"capacity": 5565, "occupancy": 0, "exercise": true}','','','2026-12-06T17:36:51.568+00:00',1,'{}');
CREATE TABLE cameras (
	id VARCHAR(64) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	group_path VARCHAR(500) NOT NULL, 
	lat FLOAT, 
	lon FLOAT, 
	main_url VARCHAR(1000) NOT NULL, 
	sub_url VARCHAR(1000) NOT NULL, 
	ptz BOOLEAN NOT NULL, 
	platform VARCHAR(100) NOT NULL, 
	online BOOLEAN NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	field_clock TEXT NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO cameras VALUES('50010000001310000000','双石医院门口球机1','重庆市/永川区/双石',29.299718999999999624,105.94750200000000006,'http://127.0.0.1:8554/demo0.ts?main','http://127.0.0.1:8554/demo0.ts',1,'演示视频平台',1,'','','2026-12-06T17:36:51.570+00:00',1,'{}');
INSERT INTO cameras VALUES('50010100001320000001','正阳桥头枪机2','重庆市/黔江区/正阳',29.554178000000000281,108.78759300000000109,'http://127.0.0.1:8554/demo1.ts?main','http://127.0.0.1:8554/demo1.ts',0,'演示视频平台',1,'','','2026-12-06T17:36:51.570+00:00',1,'{}');
INSERT INTO cameras VALUES('50010200001310000002','南宾路口枪机3','重庆市/石柱县/南宾',29.974123999999999767,108.09416000000000223,'http://127.0.0.1:8554/demo2.ts?main','http://127.0.0.1:8554/demo2.ts',0,'演示视频平台',1,'','','2026-12-06T17:36:51.570+00:00',1,'{}');
INSERT INTO cameras VALUES('50010300001320000003','龚滩桥头球机4','重庆市/酉阳县/龚滩',28.80048400000000086,108.72083000000000652,'http://127.0.0.1:8554/demo3.ts?main','http://127.0.0.1:8554/demo3.ts',1,'演示视频平台',1,'','','2026-12-06T17:36:51.570+00:00',1,'{}');
CREATE TABLE contacts (
	id VARCHAR(36) NOT NULL, 
	kind VARCHAR(8) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	parent_id VARCHAR(36) NOT NULL, 
	role VARCHAR(100) NOT NULL, 
	duty_phone VARCHAR(40) NOT NULL, 
	mobile VARCHAR(40) NOT NULL, 
	members TEXT NOT NULL, 
	notes VARCHAR(500) NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	field_clock TEXT NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO contacts VALUES('07ad0599-ec71-5338-99c7-5fd361657a0a','person','李晓梅','f1de942c-2db6-5ef4-bd38-df8c98e7b131','副主任','','13971924865','[]','演示数据','','','2026-12-06T17:36:51.585+00:00',1,'{}');
INSERT INTO contacts VALUES('127657cb-347f-55b5-98fe-f4799f9b9379','org','江北区应急管理局','c7356201-b10c-5462-97c1-bcb97ce740ee','','023-69781064','','[]','演示数据','','','2026-12-06T17:36:51.585+00:00',1,'{}');
INSERT INTO contacts VALUES('09f3d28f-6ba9-5a88-a9f8-84ee7adbea62','person','刘伟','f034ca8e-6aa6-527a-9fa6-f4ef479d562f','主任','','13941403729','[]','演示数据','','','2026-12-06T17:36:51.585+00:00',1,'{}');
INSERT INTO contacts VALUES('19fa4954-ab4e-504c-85fd-62a6c0400f49','org','南岸区消防救援大队','f034ca8e-6aa6-527a-9fa6-f4ef479d562f','','023-63032085','','[]','演示数据','','','2026-12-06T17:36:51.585+00:00',1,'{}');
INSERT INTO contacts VALUES('08378c11-1742-56d4-a0cd-3900d95d71d9','person','周明','c5ff5e4f-1777-572f-b30a-6ebfbc4cbbc9','副主任','','13993555402','[]','演示数据','','','2026-12-06T17:36:51.585+00:00',1,'{}');
INSERT INTO contacts VALUES('14046cfb-cefe-5eba-9834-04f12efbc324','org','北碚区消防救援大队','61b6f89e-3c22-5138-b66a-d5d49075ebd0','','023-64822307','','[]','演示数据','','','2026-12-06T17:36:51.585+00:00',1,'{}');
INSERT INTO contacts VALUES('16b5b1b7-bcd9-53e6-8a60-3265571975e5','org','涪陵区消防救援大队','ea96c6e9-9f33-5b96-94d1-16cf6087ceed','','023-63914729','','[]','演示数据','','','2026-12-06T17:36:51.585+00:00',1,'{}');
INSERT INTO contacts VALUES('062826ae-6faf-5b12-b1f9-0a4976a1155d','person','何春燕','7bcdbd26-c53b-58bd-9114-30283204fc25','副主任','','13919676659','[]','演示数据','','','2026-12-06T17:36:51.585+00:00',1,'{}');
INSERT INTO contacts VALUES('178f87c9-c43b-5276-a6b8-72c82b361fe3','org','巫山县消防救援大队','a6b95b82-d46a-5afe-a7eb-fa73ae70346f','','023-68267507','','[]','演示数据','','','2026-12-06T17:36:51.585+00:00',1,'{}');
INSERT INTO contacts VALUES('1300c192-426c-5bdf-9e4c-c8fa887f349f','org','开州区应急管理局','c7356201-b10c-5462-97c1-bcb97ce740ee','','023-63300181','','[]','演示数据','','','2026-12-06T17:36:51.585+00:00',1,'{}');
INSERT INTO contacts VALUES('1835ba19-9733-5f5b-be2f-138e200c27e4','person','刘勇','c8ef25fa-f3c3-5666-bd75-66e9c46fa9bb','主任','','13952148384','[]','演示数据','','','2026-12-06T17:36:51.585+00:00',1,'{}');
INSERT INTO contacts VALUES('1518f805-ad3f-510c-9eaf-61a57fa6d2cc','person','胡明','b6b8f212-9e6d-5594-889f-d4bdec00eea2','副主任','','13953873226','[]','演示数据','','','2026-12-06T17:36:51.585+00:00',1,'{}');
CREATE TABLE notifications (
	id VARCHAR(36) NOT NULL, 
	incident_id VARCHAR(36) NOT NULL, 
	channel VARCHAR(8) NOT NULL, 
	text VARCHAR(500) NOT NULL, 
	sender VARCHAR(100) NOT NULL, 
	sender_account VARCHAR(100) DEFAULT '' NOT NULL, 
	sender_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	created_at VARCHAR(40) NOT NULL, 
	recipients TEXT NOT NULL, 
	gateway VARCHAR(40) NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE conferences (
	id VARCHAR(36) NOT NULL, 
	incident_id VARCHAR(36) NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	state VARCHAR(8) NOT NULL, 
	opened_by VARCHAR(100) NOT NULL, 
	opened_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	opened_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	opened_site VARCHAR(32) NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	opened_at VARCHAR(40) NOT NULL, 
	closed_at VARCHAR(40) NOT NULL, 
	participants TEXT NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE orders (
	id VARCHAR(36) NOT NULL, 
	incident_id VARCHAR(36) NOT NULL, 
	target_kind VARCHAR(16) NOT NULL, 
	target_id VARCHAR(64) NOT NULL, 
	target_name VARCHAR(200) NOT NULL, 
	content TEXT NOT NULL, 
	priority VARCHAR(16) NOT NULL, 
	required_arrival VARCHAR(40) NOT NULL, 
	ack_deadline VARCHAR(40) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	issued_by VARCHAR(100) NOT NULL, 
	issued_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	issued_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	issued_at VARCHAR(40) NOT NULL, 
	acknowledged_at VARCHAR(40) NOT NULL, 
	departed_at VARCHAR(40) NOT NULL, 
	arrived_at VARCHAR(40) NOT NULL, 
	completed_at VARCHAR(40) NOT NULL, 
	refused_at VARCHAR(40) NOT NULL, 
	withdrawn_at VARCHAR(40) NOT NULL, 
	reason VARCHAR(500) NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO orders VALUES('47c45de5-52bf-4ef2-9366-46b9c0493903','9ca9bfea-a60e-4d16-95fb-d989e075d949','team','','救援队','疏散周边群众并设置警戒','high','','2026-12-06T16:26:51.592404+00:00','issued','演示','','','','','2026-12-06T16:16:51.592404+00:00','','','','','','','','2026-12-06T17:36:51.592404+00:00',1);
INSERT INTO orders VALUES('b9594568-e48d-4e76-9ddd-25d266cd5744','140dda7d-d29b-4591-baf4-0693f01b0b0c','team','','救援队','协助转运伤员','normal','','2026-12-06T18:04:51.592404+00:00','issued','演示','','','','','2026-12-06T17:34:51.592404+00:00','','','','','','','','2026-12-06T17:36:51.592404+00:00',1);
INSERT INTO orders VALUES('c827cc1e-4364-4042-a355-873663b9ac42','9ca9bfea-a60e-4d16-95fb-d989e075d949','team','','救援队','携带破拆和照明设备增援','normal','','2026-12-06T17:59:51.592404+00:00','arrived','演示','','','','','2026-12-06T17:29:51.592404+00:00','2026-12-06T17:32:51.592404+00:00','2026-12-06T17:35:51.592404+00:00','2026-12-06T17:38:51.592404+00:00','','','','','2026-12-06T17:36:51.592404+00:00',4);
INSERT INTO orders VALUES('27587180-14d9-4034-b36d-0dd3eff328c5','140dda7d-d29b-4591-baf4-0693f01b0b0c','team','','救援队','携带破拆和照明设备增援','high','','2026-12-06T17:24:51.592404+00:00','issued','演示','','','','','2026-12-06T17:14:51.592404+00:00','','','','','','','','2026-12-06T17:36:51.592404+00:00',1);
INSERT INTO orders VALUES('b667c02b-0af4-44a5-8aef-b27c33c3daea','9ca9bfea-a60e-4d16-95fb-d989e075d949','team','','救援队','协助转运伤员','normal','','2026-12-06T16:49:51.592404+00:00','issued','演示','','','','','2026-12-06T16:19:51.592404+00:00','','','','','','','','2026-12-06T17:36:51.592404+00:00',1);
CREATE TABLE applied_ops (
	op_id VARCHAR(36) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	reason TEXT NOT NULL, 
	seq INTEGER, 
	at VARCHAR(40) NOT NULL, 
	PRIMARY KEY (op_id)
);
CREATE TABLE changes (
	seq INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	entity VARCHAR(16) NOT NULL, 
	entity_id VARCHAR(64) NOT NULL, 
	at VARCHAR(40) NOT NULL, 
	account VARCHAR(100) DEFAULT '' NOT NULL, 
	workstation VARCHAR(64) DEFAULT '' NOT NULL
);
INSERT INTO changes VALUES(1,'incident','2c62f938-9461-42cb-908f-6ce3e84e6739','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(2,'incident','b7c56e89-48c8-461b-aaef-7c7f954bde00','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(3,'incident','1267aece-a33c-4d99-98f9-e62e165c2b97','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(4,'incident','3a03c3f1-8545-4a5e-b3db-4d62a6dba57c','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(5,'incident','2e2fd614-56e3-4d17-b715-6e20256994bc','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(6,'incident','2f2aea15-5026-4c97-a759-497378b7fc49','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(7,'incident','c8e49e8f-6345-4e6d-a472-4ad87fa373b3','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(8,'incident','538f6db8-e9a1-4a24-96e0-c1dfccbd9913','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(9,'incident','031703e2-1e75-4980-857d-00c68c116aac','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(10,'incident','5837863e-6e75-44bf-af59-7dc0eb0269ae','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(11,'incident','140dda7d-d29b-4591-baf4-0693f01b0b0c','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(12,'incident','9ca9bfea-a60e-4d16-95fb-d989e075d949','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(13,'entry','a1a52b82-d173-4313-ab08-93eb9ae7e2f7','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(14,'entry','1a0bd663-8f46-4d69-b0f6-4f164583d513','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(15,'entry','3c1ccb1a-a401-4056-8248-b51b9f6b23d7','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(16,'entry','89a92c1e-f67c-458e-819f-adb33df80ff2','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(17,'entry','eeed3e07-f9da-4409-af70-cc68690505a0','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(18,'entry','cc65a581-9ddc-4f45-b321-f78fc8412700','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(19,'entry','d71ffa49-76bc-4b9c-8fa5-6ac2606ed29f','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(20,'entry','a6799ae9-90ad-43f0-8cf7-fef5f37e84b0','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(21,'entry','ae76be06-003c-419e-93e6-21b749faf027','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(22,'entry','7e924b60-a0e3-4f88-a6f3-78eb8ea47feb','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(23,'entry','27b8ba21-bf20-4742-b2da-df78929f38a1','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(24,'entry','27eee3c4-4d3b-4897-ac14-70533d1047aa','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(25,'entry','386d6bf3-ded9-4048-bc3d-4bd721c66581','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(26,'entry','bc6e2c8e-4fe0-422b-bfc6-113b10c66711','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(27,'entry','d44f8591-12a0-43e7-8e9c-98c5d7624b2d','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(28,'entry','2f4d0d85-73f2-4599-88f1-fcfe5e20f1c7','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(29,'entry','a765f48d-a75f-40ea-b525-3db0f29ea745','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(30,'entry','fd4d3dff-4a1a-4eb2-b899-b14fc0e26c46','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(31,'entry','077fff1b-95fd-4f78-a34e-dbab461d850e','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(32,'entry','6eaa72b6-8298-4b0b-a4ed-fdfefecd1ce9','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(33,'entry','aa68fe77-eaff-40d2-a533-486733998b10','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(34,'entry','b9721959-f033-4f77-aeb5-01ea331c74da','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(35,'entry','72228971-f929-438a-8b44-0fd7cdfa309c','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(36,'entry','264509e2-6712-4699-9456-d334f64ed21a','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(37,'entry','3a67bd58-e56d-4a7c-870c-fd087a0a63df','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(38,'entry','8f9735f4-6f1d-4a84-9273-4be971adc659','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(39,'entry','af2c45e5-9a0e-40ef-962f-6a16bf27050f','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(40,'entry','4ed2b154-ede0-43ca-a14c-8836761f6610','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(41,'entry','e851fcdf-3584-42cf-8879-cccd3414c371','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(42,'entry','3b00e310-62bc-48ed-b51c-6634b85aad18','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(43,'entry','4be97ac6-09f5-41c9-996f-8a393277963d','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(44,'entry','c1f3d66a-6ffd-4a55-ab94-a5e10f57960d','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(45,'entry','93cc2c2a-d444-4b0e-970f-4a4949ef63ea','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(46,'entry','58c180a0-ddbf-4a1d-9425-2f2d7d2e1e1b','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(47,'entry','41230bde-d647-4c20-989b-252418b1661d','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(48,'entry','4314342d-505a-4447-a45f-1eb5606d3180','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(49,'entry','e7115a8d-c474-4856-afa9-921ae2e7fbfd','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(50,'entry','b6e27ced-ba8b-4ed9-900c-3b83018c26e3','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(51,'entry','394b0046-ea9f-4e09-b03f-bd2cf409fc82','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(52,'entry','b9f283fd-7325-474a-9b4f-49721ac47e7d','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(53,'entry','ba4e0513-1a1a-4594-8d79-634e849b5712','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(54,'entry','20cf39fd-c755-4390-9283-f3e8c5768072','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(55,'entry','9dadb617-01f1-441e-a3b1-200ae1e6ada2','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(56,'entry','0093f000-8d86-4134-866f-9a8d2652365b','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(57,'entry','148ca3ae-e146-4a19-98e1-030d8a8be1e5','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(58,'entry','2b25a7a6-dffd-4cf1-8fc1-f2b6ada645e3','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(59,'entry','12d35cc7-cede-4a12-886b-f91bc64f37e3','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(60,'entry','09a160b6-46af-4a77-98a5-8e4ddec556b8','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(61,'entry','2246e583-788a-4d2b-9709-9214ee8dfa35','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(62,'entry','e8b01695-df96-447b-af98-7328e3b92be6','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(63,'entry','7363390b-eefa-4bf5-a28c-289bede385df','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(64,'entry','a7ea1c75-4b5e-4464-80ef-714260e08bdf','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(65,'entry','947a683a-a6cc-45ef-a183-b283ada43309','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(66,'entry','0960de1f-668a-4bc0-b00b-352bc95e41fb','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(67,'entry','3bd54f41-5b2f-4501-b2fa-d25797c33013','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(68,'entry','f2dfcced-8027-41d8-975c-e187c1a05cf5','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(69,'entry','e94f10dc-6de6-4783-9fc0-526eee731588','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(70,'entry','5b1658be-bb4d-4365-8cca-6bd50e524798','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(71,'entry','3eb3ee6a-a48e-482d-8de3-c730358848d8','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(72,'entry','c4deda85-c646-4fb5-b77c-863ba68e63a1','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(73,'entry','23bbe364-0c49-4b09-9103-168b4312e099','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(74,'entry','0310979a-1440-4cc5-90b0-d0afd1efc8fc','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(75,'entry','8e7af1b6-db31-429a-9b05-4fc70adb833e','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(76,'entry','d2fd941a-d28f-4d53-a635-0e2cd741a043','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(77,'entry','90ab73cf-f524-45bd-a4ae-f5aca3484c65','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(78,'entry','5d59c15f-edf6-4c9f-87ba-14a29eb6bacb','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(79,'entry','f1b92c73-115f-43d5-8bc5-027b39598402','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(80,'entry','9f13d6b2-cb5c-4d54-9ef8-b966dcf6b008','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(81,'entry','5f63a164-cb13-4a8d-81ea-7d8abaf02c60','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(82,'entry','8e2f9fca-cff5-4030-849c-d4fa78928ed2','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(83,'entry','59ce284b-acc3-4cbf-87f6-d49441a243b4','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(84,'entry','0e7dc76f-5a52-4da3-af88-d18292bf5e22','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(85,'entry','b990a68c-bba1-4499-a564-a8dec79d2479','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(86,'entry','b9f5193d-76ef-4885-ab11-7d7588b7628c','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(87,'entry','d655a931-4a2e-4287-83ea-0e14b959e23e','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(88,'entry','da1b58a0-d6fe-4b4f-9a55-31361402168a','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(89,'entry','0c0bb4ae-e908-4dc9-9d64-ac82cda5a00a','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(90,'entry','c967807c-014a-49b1-9e1f-e7b1bd8c2184','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(91,'entry','775e8ca8-0fec-49d4-9ddc-3c4039173079','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(92,'entry','6cdbcd03-1788-4299-b44a-ef6d701fc151','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(93,'entry','406ab5d7-d0c6-47e0-9849-0fc2e6f6a3af','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(94,'entry','e6d58d22-9509-427b-be54-6c9865410704','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(95,'entry','e3526ae7-e553-4e86-acb6-4ca1b0672883','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(96,'entry','3d56a829-a45e-4350-acb3-0bc2e69c062d','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(97,'entry','11646971-cf53-4bf0-a2eb-050198a6048b','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(98,'entry','e755eaf7-bbf1-4de0-b2fc-ab19febd71b4','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(99,'entry','f75fa7f3-14f5-4d7d-942f-1759fe19d4ed','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(100,'entry','7ee8ceef-c9b2-4acc-b0ee-0af229ab9ed2','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(101,'entry','0a688935-7bf4-4c4b-9bc9-1a09347cd341','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(102,'entry','3c52ad94-3fbc-4c99-9f81-e8da8ceb4264','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(103,'entry','4c121808-f0e4-4a2c-bf04-41923f735a4f','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(104,'entry','98cc0cdd-467c-489d-a4a0-7da35d6faad8','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(105,'entry','62650164-49ba-4851-914a-ce3a532c4440','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(106,'entry','2e3ffcf9-4d2e-4473-ad93-29a7d148bd42','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(107,'entry','486a0c39-9ffa-48b1-9a1b-f04bcf6b1469','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(108,'entry','b1ee6225-3126-4e96-9bf0-3c5c25be544d','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(109,'entry','ab5114e0-b3c6-47e0-9161-20bde44bb2ed','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(110,'entry','f260d14a-6f02-44f7-a05c-5ac9291ec88e','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(111,'entry','3c52921e-5ba9-42b9-a00d-8252bd4e2ad2','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(112,'entry','b0eaf446-aa8f-4f07-9240-1e149c537e9e','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(113,'entry','9890aba5-3218-438b-a3bc-a5ce79a32ce0','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(114,'entry','f46c5d1f-585c-4f1c-84f0-99ab3ff73200','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(115,'entry','0b509bfd-5a85-455d-811b-c29cadffe5b1','2026-12-06T17:36:51.552+00:00','','');
INSERT INTO changes VALUES(116,'resource','0f5fdfae-6dc9-564f-8c06-af613fe81f34','2026-12-06T17:36:51.568+00:00','','');
INSERT INTO changes VALUES(117,'resource','40098140-26e0-5901-8331-2549ae5a2807','2026-12-06T17:36:51.568+00:00','','');
INSERT INTO changes VALUES(118,'resource','d577257b-8669-57e5-8e08-43b8486c6229','2026-12-06T17:36:51.568+00:00','','');
INSERT INTO changes VALUES(119,'resource','e662c4c3-94a6-58c3-b2a9-a236f4eaebb9','2026-12-06T17:36:51.568+00:00','','');
INSERT INTO changes VALUES(120,'resource','f74028b5-0056-52f7-8e54-cac923d3a381','2026-12-06T17:36:51.568+00:00','','');
INSERT INTO changes VALUES(121,'resource','cdab094e-38d8-5d20-8707-76e24671a09e','2026-12-06T17:36:51.568+00:00','','');
INSERT INTO changes VALUES(122,'resource','b37724fd-b6bd-5cbd-a738-65178174d775','2026-12-06T17:36:51.568+00:00','','');
INSERT INTO changes VALUES(123,'resource','b1779ea3-6fdb-5c35-8ddc-1a6128c45319','2026-12-06T17:36:51.568+00:00','','');
INSERT INTO changes VALUES(124,'camera','50010000001310000000','2026-12-06T17:36:51.570+00:00','','');
INSERT INTO changes VALUES(125,'camera','50010100001320000001','2026-12-06T17:36:51.570+00:00','','');
INSERT INTO changes VALUES(126,'camera','50010200001310000002','2026-12-06T17:36:51.570+00:00','','');
INSERT INTO changes VALUES(127,'camera','50010300001320000003','2026-12-06T17:36:51.570+00:00','','');
INSERT INTO changes VALUES(131,'contact','07ad0599-ec71-5338-99c7-5fd361657a0a','2026-12-06T17:36:51.585+00:00','','');
INSERT INTO changes VALUES(140,'contact','127657cb-347f-55b5-98fe-f4799f9b9379','2026-12-06T17:36:51.585+00:00','','');
INSERT INTO changes VALUES(147,'contact','09f3d28f-6ba9-5a88-a9f8-84ee7adbea62','2026-12-06T17:36:51.585+00:00','','');
INSERT INTO changes VALUES(149,'contact','19fa4954-ab4e-504c-85fd-62a6c0400f49','2026-12-06T17:36:51.585+00:00','','');
INSERT INTO changes VALUES(175,'contact','08378c11-1742-56d4-a0cd-3900d95d71d9','2026-12-06T17:36:51.585+00:00','','');
INSERT INTO changes VALUES(185,'contact','14046cfb-cefe-5eba-9834-04f12efbc324','2026-12-06T17:36:51.585+00:00','','');
INSERT INTO changes VALUES(197,'contact','16b5b1b7-bcd9-53e6-8a60-3265571975e5','2026-12-06T17:36:51.585+00:00','','');
INSERT INTO changes VALUES(232,'contact','062826ae-6faf-5b12-b1f9-0a4976a1155d','2026-12-06T17:36:51.585+00:00','','');
INSERT INTO changes VALUES(245,'contact','178f87c9-c43b-5276-a6b8-72c82b361fe3','2026-12-06T17:36:51.585+00:00','','');
INSERT INTO changes VALUES(254,'contact','1300c192-426c-5bdf-9e4c-c8fa887f349f','2026-12-06T17:36:51.585+00:00','','');
INSERT INTO changes VALUES(261,'contact','1835ba19-9733-5f5b-be2f-138e200c27e4','2026-12-06T17:36:51.585+00:00','','');
INSERT INTO changes VALUES(265,'contact','1518f805-ad3f-510c-9eaf-61a57fa6d2cc','2026-12-06T17:36:51.585+00:00','','');
INSERT INTO changes VALUES(281,'entry','b8f92f2a-7b56-5efc-83aa-6d55c27d443c','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(282,'order','47c45de5-52bf-4ef2-9366-46b9c0493903','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(283,'entry','980311b6-d359-5c6c-8f9d-05b826b918c8','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(284,'order','b9594568-e48d-4e76-9ddd-25d266cd5744','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(285,'entry','ea6e3e23-f022-58a7-9bb7-b5944e0dc2d8','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(286,'order','c827cc1e-4364-4042-a355-873663b9ac42','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(287,'entry','445e9de5-4f0c-5219-90ec-af214bc964f1','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(288,'order','c827cc1e-4364-4042-a355-873663b9ac42','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(289,'entry','b8fdef16-d4cd-595b-83b5-af650dff1330','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(290,'order','c827cc1e-4364-4042-a355-873663b9ac42','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(291,'entry','37ae30de-2a70-5fcb-8e5c-5d55d7678413','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(292,'order','c827cc1e-4364-4042-a355-873663b9ac42','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(293,'entry','1117e969-d5af-5b44-95dd-e5ed389ac0c5','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(294,'order','27587180-14d9-4034-b36d-0dd3eff328c5','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(295,'entry','3529c260-3db2-5dc3-961f-631645ec4bb4','2026-12-06T17:36:51.592404+00:00','','');
INSERT INTO changes VALUES(296,'order','b667c02b-0af4-44a5-8aef-b27c33c3daea','2026-12-06T17:36:51.592404+00:00','','');
CREATE TABLE plans (
	id VARCHAR(36) NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	plan_type VARCHAR(16) NOT NULL, 
	issuer VARCHAR(100) NOT NULL, 
	plan_version VARCHAR(32) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	categories TEXT NOT NULL, 
	types TEXT NOT NULL, 
	levels TEXT NOT NULL, 
	command TEXT NOT NULL, 
	checklist TEXT NOT NULL, 
	full_text TEXT NOT NULL, 
	example BOOLEAN NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	field_clock TEXT NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE checklist_steps (
	id VARCHAR(36) NOT NULL, 
	incident_id VARCHAR(36) NOT NULL, 
	plan_id VARCHAR(36) NOT NULL, 
	plan_version VARCHAR(32) NOT NULL, 
	step_key VARCHAR(36) NOT NULL, 
	parent_key VARCHAR(36) NOT NULL, 
	phase VARCHAR(16) NOT NULL, 
	position INTEGER NOT NULL, 
	title VARCHAR(500) NOT NULL, 
	responsible VARCHAR(100) NOT NULL, 
	due_at VARCHAR(40) NOT NULL, 
	state VARCHAR(16) NOT NULL, 
	reason VARCHAR(300) NOT NULL, 
	remark VARCHAR(1000) NOT NULL, 
	action TEXT NOT NULL, 
	action_done VARCHAR(200) NOT NULL, 
	changed_by VARCHAR(100) NOT NULL, 
	changed_at VARCHAR(40) NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE daily_reports (
	id VARCHAR(36) NOT NULL, 
	site_code VARCHAR(32) NOT NULL, 
	report_date VARCHAR(10) NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	figures TEXT NOT NULL, 
	notes TEXT NOT NULL, 
	sent_by VARCHAR(100) NOT NULL, 
	sent_at VARCHAR(40) NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	field_clock TEXT NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE shift_patterns (
	id VARCHAR(36) NOT NULL, 
	room VARCHAR(32) NOT NULL, 
	name VARCHAR(32) NOT NULL, 
	start_time VARCHAR(5) NOT NULL, 
	end_time VARCHAR(5) NOT NULL, 
	zone VARCHAR(64) NOT NULL, 
	posts TEXT NOT NULL, 
	position INTEGER NOT NULL, 
	active BOOLEAN NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	field_clock TEXT NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE roster_entries (
	id VARCHAR(36) NOT NULL, 
	room VARCHAR(32) NOT NULL, 
	day VARCHAR(10) NOT NULL, 
	pattern_id VARCHAR(36) NOT NULL, 
	post VARCHAR(16) NOT NULL, 
	slot INTEGER NOT NULL, 
	person_name VARCHAR(100) NOT NULL, 
	phone VARCHAR(40) NOT NULL, 
	contact_id VARCHAR(36) NOT NULL, 
	note VARCHAR(200) NOT NULL, 
	starts_at VARCHAR(40) NOT NULL, 
	ends_at VARCHAR(40) NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	person_clock TEXT NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE roster_publications (
	id VARCHAR(36) NOT NULL, 
	room VARCHAR(32) NOT NULL, 
	first_day VARCHAR(10) NOT NULL, 
	last_day VARCHAR(10) NOT NULL, 
	published_by VARCHAR(100) NOT NULL, 
	published_at VARCHAR(40) NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE duty_swaps (
	id VARCHAR(36) NOT NULL, 
	room VARCHAR(32) NOT NULL, 
	entry_id VARCHAR(36) NOT NULL, 
	counter_entry_id VARCHAR(36) NOT NULL, 
	from_name VARCHAR(100) NOT NULL, 
	from_phone VARCHAR(40) NOT NULL, 
	from_contact_id VARCHAR(36) NOT NULL, 
	to_name VARCHAR(100) NOT NULL, 
	to_phone VARCHAR(40) NOT NULL, 
	to_contact_id VARCHAR(36) NOT NULL, 
	reason VARCHAR(500) NOT NULL, 
	reverses VARCHAR(36) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	steps TEXT NOT NULL, 
	offered_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	created_at VARCHAR(40) NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE duty_signins (
	id VARCHAR(36) NOT NULL, 
	room VARCHAR(32) NOT NULL, 
	day VARCHAR(10) NOT NULL, 
	pattern_id VARCHAR(36) NOT NULL, 
	post VARCHAR(16) NOT NULL, 
	person_name VARCHAR(100) NOT NULL, 
	contact_id VARCHAR(36) NOT NULL, 
	account VARCHAR(100) NOT NULL, 
	workstation VARCHAR(64) NOT NULL, 
	signed_at VARCHAR(40) NOT NULL, 
	override_reason VARCHAR(500) NOT NULL, 
	follows_handover VARCHAR(36) NOT NULL, 
	confirmed_at VARCHAR(40) NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE handovers (
	id VARCHAR(36) NOT NULL, 
	room VARCHAR(32) NOT NULL, 
	day VARCHAR(10) NOT NULL, 
	pattern_id VARCHAR(36) NOT NULL, 
	shift_label VARCHAR(64) NOT NULL, 
	starts_at VARCHAR(40) NOT NULL, 
	ends_at VARCHAR(40) NOT NULL, 
	state VARCHAR(16) NOT NULL, 
	handed_over_by VARCHAR(100) NOT NULL, 
	handed_over_at VARCHAR(40) NOT NULL, 
	closed_by VARCHAR(100) NOT NULL, 
	closed_at VARCHAR(40) NOT NULL, 
	items TEXT NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE warnings (
	id VARCHAR(36) NOT NULL, 
	identifier VARCHAR(200) NOT NULL, 
	sender VARCHAR(200) NOT NULL, 
	sender_name VARCHAR(200) DEFAULT '' NOT NULL, 
	sent VARCHAR(40) NOT NULL, 
	cap_status VARCHAR(16) NOT NULL, 
	msg_type VARCHAR(16) NOT NULL, 
	scope VARCHAR(16) NOT NULL, 
	"references" TEXT NOT NULL, 
	reference_ids TEXT NOT NULL, 
	origin VARCHAR(16) NOT NULL, 
	event VARCHAR(200) DEFAULT '' NOT NULL, 
	event_code VARCHAR(16) DEFAULT '' NOT NULL, 
	cap_category VARCHAR(16) NOT NULL, 
	colour VARCHAR(8) DEFAULT '' NOT NULL, 
	urgency VARCHAR(16) NOT NULL, 
	severity VARCHAR(16) NOT NULL, 
	certainty VARCHAR(16) NOT NULL, 
	headline VARCHAR(300) DEFAULT '' NOT NULL, 
	description TEXT NOT NULL, 
	instruction TEXT NOT NULL, 
	language VARCHAR(16) DEFAULT '' NOT NULL, 
	english TEXT NOT NULL, 
	areas TEXT NOT NULL, 
	min_lat FLOAT, 
	max_lat FLOAT, 
	min_lon FLOAT, 
	max_lon FLOAT, 
	effective VARCHAR(40) DEFAULT '' NOT NULL, 
	onset VARCHAR(40) DEFAULT '' NOT NULL, 
	expires VARCHAR(40) DEFAULT '' NOT NULL, 
	issue_state VARCHAR(16) NOT NULL, 
	standing VARCHAR(16) NOT NULL, 
	replaced_by VARCHAR(36) DEFAULT '' NOT NULL, 
	incident_id VARCHAR(36) DEFAULT '' NOT NULL, 
	signed_by VARCHAR(400) DEFAULT '' NOT NULL, 
	signature VARCHAR(8) DEFAULT '' NOT NULL, 
	source_name VARCHAR(200) DEFAULT '' NOT NULL, 
	checks TEXT NOT NULL, 
	return_reason VARCHAR(500) DEFAULT '' NOT NULL, 
	created_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	created_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	approved_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE stations (
	id VARCHAR(36) NOT NULL, 
	code VARCHAR(16) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	org VARCHAR(100) NOT NULL, 
	place VARCHAR(200) NOT NULL, 
	lat FLOAT NOT NULL, 
	lon FLOAT NOT NULL, 
	unit VARCHAR(16) NOT NULL, 
	thresholds TEXT NOT NULL, 
	rules TEXT NOT NULL, 
	level VARCHAR(16) NOT NULL, 
	field_clock TEXT NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE readings (
	id VARCHAR(64) NOT NULL, 
	station_id VARCHAR(36) NOT NULL, 
	time VARCHAR(40) NOT NULL, 
	t FLOAT NOT NULL, 
	value FLOAT NOT NULL, 
	received_at VARCHAR(40) NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE station_states (
	station_id VARCHAR(36) NOT NULL, 
	level VARCHAR(16) NOT NULL, 
	pending_level VARCHAR(16) NOT NULL, 
	pending_since FLOAT NOT NULL, 
	last_t FLOAT, 
	last_value FLOAT, 
	rate_on INTEGER NOT NULL, 
	PRIMARY KEY (station_id)
);
CREATE TABLE alarms (
	id VARCHAR(36) NOT NULL, 
	station_id VARCHAR(36) NOT NULL, 
	station_name VARCHAR(100) NOT NULL, 
	rule VARCHAR(16) NOT NULL, 
	level VARCHAR(16) NOT NULL, 
	first_level VARCHAR(16) NOT NULL, 
	state VARCHAR(16) NOT NULL, 
	value FLOAT NOT NULL, 
	peak_value FLOAT NOT NULL, 
	threshold FLOAT NOT NULL, 
	reading_at VARCHAR(40) NOT NULL, 
	raised_at VARCHAR(40) NOT NULL, 
	escalated_at VARCHAR(40) NOT NULL, 
	cleared_at VARCHAR(40) NOT NULL, 
	repeats INTEGER NOT NULL, 
	acknowledged_at VARCHAR(40) NOT NULL, 
	acknowledged_by VARCHAR(100) NOT NULL, 
	acknowledged_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	acknowledged_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	closed_at VARCHAR(40) NOT NULL, 
	closed_by VARCHAR(100) NOT NULL, 
	closed_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	closed_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	incident_id VARCHAR(36) NOT NULL, 
	note VARCHAR(500) NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE positions (
	id VARCHAR(36) NOT NULL, 
	source VARCHAR(8) NOT NULL, 
	uid VARCHAR(120) NOT NULL, 
	resource_id VARCHAR(36) NOT NULL, 
	callsign VARCHAR(64) NOT NULL, 
	cot_type VARCHAR(40) NOT NULL, 
	lat FLOAT NOT NULL, 
	lon FLOAT NOT NULL, 
	speed FLOAT, 
	course FLOAT, 
	at VARCHAR(40) NOT NULL, 
	stale VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	reported_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	reported_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE regulations (
	id VARCHAR(36) NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	issuer VARCHAR(100) NOT NULL, 
	doc_number VARCHAR(64) NOT NULL, 
	effective_date VARCHAR(10) NOT NULL, 
	plan_ids TEXT NOT NULL, 
	full_text TEXT NOT NULL, 
	example BOOLEAN NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	field_clock TEXT NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE reminders (
	id VARCHAR(36) NOT NULL, 
	site_code VARCHAR(32) NOT NULL, 
	title VARCHAR(100) NOT NULL, 
	kind VARCHAR(24) NOT NULL, 
	schedule VARCHAR(8) NOT NULL, 
	times TEXT NOT NULL, 
	minute INTEGER NOT NULL, 
	window_minutes INTEGER NOT NULL, 
	active BOOLEAN NOT NULL, 
	since VARCHAR(40) NOT NULL, 
	updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	updated_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	field_clock TEXT NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE reminder_done (
	id VARCHAR(36) NOT NULL, 
	reminder_id VARCHAR(36) NOT NULL, 
	site_code VARCHAR(32) NOT NULL, 
	due_at VARCHAR(40) NOT NULL, 
	done_at VARCHAR(40) NOT NULL, 
	done_by VARCHAR(100) NOT NULL, 
	note VARCHAR(200) NOT NULL, 
	done_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	done_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE responses (
	id VARCHAR(36) NOT NULL, 
	incident_id VARCHAR(36) NOT NULL, 
	plan_id VARCHAR(36) NOT NULL, 
	plan_version VARCHAR(32) NOT NULL, 
	plan_title VARCHAR(200) NOT NULL, 
	level VARCHAR(4) NOT NULL, 
	state VARCHAR(8) NOT NULL, 
	reason VARCHAR(500) NOT NULL, 
	started_at VARCHAR(40) NOT NULL, 
	changed_at VARCHAR(40) NOT NULL, 
	ended_at VARCHAR(40) NOT NULL, 
	decided_by VARCHAR(100) NOT NULL, 
	decided_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	decided_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE rollcalls (
	id VARCHAR(36) NOT NULL, 
	site_code VARCHAR(32) NOT NULL, 
	message VARCHAR(200) NOT NULL, 
	allowed_s INTEGER NOT NULL, 
	posted_at VARCHAR(40) NOT NULL, 
	deadline VARCHAR(40) NOT NULL, 
	state VARCHAR(16) NOT NULL, 
	answered_at VARCHAR(40) NOT NULL, 
	answered_by VARCHAR(100) NOT NULL, 
	answered_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	answered_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	created_by_account VARCHAR(100) DEFAULT '' NOT NULL, 
	created_workstation VARCHAR(64) DEFAULT '' NOT NULL, 
	updated_at VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE wall_commands (
	seq INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	wall VARCHAR(40) NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	body TEXT NOT NULL
);
CREATE TABLE wall_reports (
	wall VARCHAR(40) NOT NULL, 
	version INTEGER NOT NULL, 
	body TEXT NOT NULL, 
	PRIMARY KEY (wall)
);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('changes',296);
CREATE UNIQUE INDEX uq_incident_code ON incidents (code);
CREATE INDEX ix_entries_incident_id ON entries (incident_id);
CREATE INDEX ix_orders_status ON orders (status);
CREATE INDEX ix_orders_incident_id ON orders (incident_id);
CREATE INDEX ix_changes_entity_id ON changes (entity_id);
CREATE UNIQUE INDEX ix_checklist_steps_incident ON checklist_steps (incident_id, step_key);
CREATE INDEX ix_daily_reports_site_code ON daily_reports (site_code);
CREATE INDEX ix_shift_patterns_room ON shift_patterns (room);
CREATE INDEX ix_roster_entries_person ON roster_entries (person_name);
CREATE INDEX ix_roster_entries_room_day ON roster_entries (room, day);
CREATE INDEX ix_roster_entries_contact ON roster_entries (contact_id);
CREATE INDEX ix_duty_signins_shift ON duty_signins (room, day, pattern_id);
CREATE INDEX ix_handovers_room_start ON handovers (room, starts_at);
CREATE INDEX ix_warnings_triplet ON warnings (sender, identifier);
CREATE INDEX ix_warnings_refs ON warnings (reference_ids) WHERE reference_ids != '';
CREATE INDEX ix_stations_code ON stations (code);
CREATE INDEX ix_readings_station_t ON readings (station_id, t);
CREATE INDEX ix_alarms_station_state ON alarms (station_id, rule, state);
CREATE INDEX ix_reminders_site_code ON reminders (site_code);
CREATE INDEX ix_reminder_done_reminder ON reminder_done (reminder_id, due_at);
CREATE UNIQUE INDEX ix_responses_incident ON responses (incident_id);
CREATE INDEX ix_rollcalls_state_deadline ON rollcalls (state, deadline);
CREATE INDEX ix_rollcalls_site_code ON rollcalls (site_code);
CREATE INDEX ix_wall_commands_wall ON wall_commands (wall);
COMMIT;
