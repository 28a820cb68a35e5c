# Chinese messages of languages-wide-unseen (mainland China, Taiwan, Hong Kong).
from langset import S, B, s10

L = "zh"
T = {k: s10(*v) for k, v in {
    "cn1": ("EM", "82047163", "CN"), "tw1": ("RR", "53018627", "TW"), "hk1": ("RR", "64902817", "HK"),
}.items()}

# ------------------------------------------------------------------ China: scams
S(L, "CN", "refund", "ZTO Express",
  "【中通快递】您好，您的快递在运输途中丢失，我司将按三倍赔偿您268元，请致电理赔专员18947362051办理",
  p=["+8618947362051"], a=["268 CNY"])
S(L, "CN", "account_locked", None,
  "【ETC服务】您的ETC卡已失效，将影响您的正常通行，请及时登录 etc-gsfw.cn/renz 进行认证",
  u=["etc-gsfw.cn/renz"])
S(L, "CN", "customs_fee", "China Post",
  "【中国邮政】您有一个国际包裹因未缴纳关税被海关扣留，请于24小时内缴纳关税35元，否则将退回：chinapost-gj.top",
  u=["chinapost-gj.top"], a=["35 CNY"])
S(L, "CN", "tax", "State Taxation Administration",
  "【国家税务总局】您的个人所得税申报存在异常，需补缴税款及滞纳金1268元，请登录 chinatax-gov.vip 处理",
  u=["chinatax-gov.vip"], a=["1268 CNY"])
S(L, "CN", "refund", "State Taxation Administration",
  "【个人所得税】您有一笔退税款3260元待领取，请于今日内登录 gszs-tuishui.cn 申领，逾期作废。",
  u=["gszs-tuishui.cn"], a=["3260 CNY"])
S(L, "CN", "prize", "China Mobile",
  "【中国移动】尊敬的客户，您的积分已满足兑换528元现金礼包，今日到期清零，请点击 10086-jf.cc 兑换",
  u=["10086-jf.cc"], a=["528 CNY"])
S(L, "CN", "account_locked", None,
  "【社保局】您的社保卡已被冻结，涉嫌违规使用医保，请致电0571-87654321核实，否则将追究法律责任",
  p=["+8657187654321"])
S(L, "CN", "other", None,
  "我是北京市公安局的民警，你的身份证涉嫌一起洗钱案件，请立即拨打010-65928374配合调查，不要告诉任何人",
  p=["+861065928374"])
S(L, "CN", "package_held", "JD Logistics",
  "【京东物流】您的包裹因运费未结清滞留在转运中心，请联系客服13592847160补缴运费8元后安排派送",
  p=["+8613592847160"], a=["8 CNY"])
S(L, "CN", "address_update", "SF Express",
  "【顺丰速运】您的快件因收件地址不详无法派送，请于今日内更新地址：sf-express-cn.cc/dz",
  u=["sf-express-cn.cc/dz"])
S(L, "CN", "refund", "Taobao",
  "您好，我是淘宝客服，您购买的商品因质量问题需要退款，退款金额198.00元，请联系退款专员 0755-26384917 办理",
  p=["+8675526384917"], a=["198 CNY"])
S(L, "CN", "account_locked", "ICBC",
  "【中国工商银行】您的手机银行将于今日失效，请尽快登录 icbc-wap.top 重新认证，以免影响使用",
  u=["icbc-wap.top"])
S(L, "CN", "refund", None,
  "【航空公司】尊敬的旅客，您预订的MU5137航班因机械故障取消，为了您的改签补偿300元，请致电4008127635办理",
  p=["+864008127635"], a=["300 CNY"])
S(L, "CN", "redelivery_fee", "Yunda Express",
  "【韵达快递】您的包裹派送失败，需支付二次派送费5元，请点击 yd-ps.xyz 支付后重新派送",
  u=["yd-ps.xyz"], a=["5 CNY"])
S(L, "CN", "prize", None,
  "恭喜您被抽中为幸运用户，获得现金奖励８８８８元！请添加客服微信领取，领取前需先缴纳个人所得税４００元",
  a=["8888 CNY", "400 CNY"])
# ------------------------------------------------------------------ China: genuine
B(L, "CN", "pickup_code", "Cainiao",
  "【菜鸟驿站】您的中通包裹已到阳光花园菜鸟驿站，取件码8-3-1024，请于18:00前领取")
B(L, "CN", "pickup_code", "SF Express",
  "【丰巢】您的顺丰快递已存入丰巢智能柜(幸福里3号楼)，取件码58392047，超时将收取保管费")
B(L, "CN", "otp", "Alipay",
  "【支付宝】验证码629184，您正在登录支付宝，切勿将验证码告知他人。")
B(L, "CN", "bank_alert", "China Merchants Bank",
  "【招商银行】您账户1234于05月20日14:32消费人民币356.80元，余额12,480.55元。",
  a=["356.80 CNY", "12480.55 CNY"])
B(L, "CN", "delivery_notice", "China Post",
  f"【中国邮政】您的邮件{T['cn1']}已由朝阳区揽投部投递员王师傅(13801569472)派送，请保持电话畅通。",
  p=["+8613801569472"], t=[T["cn1"]])
B(L, "CN", "customs_charge", "China Post",
  "【中国邮政】您的进境邮件需缴纳进口税款76.50元，请通过中国邮政官方APP或前往邮局缴纳，查询：11185.cn",
  u=["11185.cn"], a=["76.50 CNY"])
B(L, "CN", "government", "State Taxation Administration",
  "【国家税务总局】2024年度个人所得税综合所得汇算已开始，请通过个人所得税APP办理，谨防假冒退税短信。")
B(L, "CN", "personal", None,
  "妈，我给你寄的快递到了，记得去驿站取一下，取件码我发你微信了")
B(L, "CN", "personal", None,
  "昨天转你的500块收到没？房租那部分下周再给你",
  a=["500 CNY"])
B(L, "CN", "marketing", "JD.com",
  "【京东】618大促开启，满300减50，点击 jd.com 抢购，回T退订",
  u=["jd.com"])
B(L, "CN", "bank_alert", "Bank of China",
  "【中国银行】您尾号8821的账户于06月03日转入人民币5,000.00元。如有疑问请致电95566。",
  a=["5000 CNY"])
B(L, "CN", "delivery_notice", "SF Express",
  "【顺丰速运】您的快件SF1420587362914正在派送中，派送员李师傅，电话15921837465，请保持电话畅通",
  p=["+8615921837465"], t=["SF1420587362914"])
B(L, "CN", "appointment", None,
  "【北京协和医院】您已成功预约6月12日上午内科门诊，就诊号23，请携带身份证按时就诊。")
B(L, "CN", "otp", None,
  "【12306】您的验证码为3851，用于账号登录，5分钟内有效，请勿泄露。")
B(L, "CN", "government", None,
  "【杭州市社保】您2024年5月社保费已扣缴成功，金额1,862.40元。",
  a=["1862.40 CNY"])
# ------------------------------------------------------------------ Taiwan: scams
S(L, "TW", "other", None,
  "【監理服務網】您有一筆交通違規罰鍰尚未繳納，逾期將吊扣駕照，請儘速繳納：mvdis-gov-tw.cc/pay",
  u=["mvdis-gov-tw.cc/pay"])
S(L, "TW", "other", "FETC",
  "【遠通電收】您的eTag通行費欠費NT$386未繳，請於今日前繳清以免加收罰鍰 fetc-pay.com",
  u=["fetc-pay.com"], a=["386 TWD"])
S(L, "TW", "address_update", "Chunghwa Post",
  "中華郵政：您的包裹因地址資訊不完整無法投遞，請於24小時內更新：post-gov-tw.top/addr",
  u=["post-gov-tw.top/addr"])
S(L, "TW", "customs_fee", "Chunghwa Post",
  "【中華郵政】您的國際包裹需繳納關稅新台幣45元才能放行，請點擊 twpost-tax.cc 完成支付",
  u=["twpost-tax.cc"], a=["45 TWD"])
S(L, "TW", "prize", "Chunghwa Telecom",
  "中華電信會員點數即將到期，您有4,820點可兌換好禮，立即兌換：cht-point.vip",
  u=["cht-point.vip"])
S(L, "TW", "package_held", "7-Eleven",
  "您在7-ELEVEN的包裹已到店超過7天，因未付清運費新台幣60元將退回。請撥 0912 457 308 聯絡客服處理",
  p=["+886912457308"], a=["60 TWD"])
S(L, "TW", "account_locked", "Cathay United Bank",
  "【國泰世華】您的網路銀行帳戶存在異常登入，已暫停使用，請於今日內完成驗證：cathay-bk.top",
  u=["cathay-bk.top"])
S(L, "TW", "refund", "National Taxation Bureau",
  "財政部國稅局通知：您有一筆綜所稅退稅NT$2,150未領取，請至 etax-refund.xyz 填寫帳戶資料",
  u=["etax-refund.xyz"], a=["2150 TWD"])
S(L, "TW", "refund", "Shopee",
  "您好，這裡是蝦皮購物客服，因系統錯誤您的訂單被設定為重複扣款12期，請撥打02-2758-3941由銀行專員協助解除",
  p=["+886227583941"])
S(L, "TW", "other", None,
  "媽，我換新號碼了，舊的手機壞了，先加我LINE，我有急事要找你")
# ------------------------------------------------------------------ Taiwan: genuine
B(L, "TW", "pickup_code", "7-Eleven",
  "【7-ELEVEN】您的包裹已送達文化門市，取貨驗證碼573920，請於7日內攜帶證件取貨。")
B(L, "TW", "delivery_notice", "T-Cat",
  "【黑貓宅急便】您的包裹預計今日18時前送達，如需改期請至 t-cat.com.tw 辦理。",
  u=["t-cat.com.tw"])
B(L, "TW", "otp", "Chunghwa Post",
  "【中華郵政】您的郵局網路ATM交易驗證碼為204816，請勿告知他人。")
B(L, "TW", "bank_alert", None,
  "【台新銀行】您的信用卡於06/15消費NT$1,280，如有疑問請洽客服。",
  a=["1280 TWD"])
B(L, "TW", "customs_charge", "Chunghwa Post",
  f"中華郵政通知：您的國際包裹{T['tw1']}應納進口稅費新台幣120元，請於領件時至郵局櫃台繳納。",
  a=["120 TWD"], t=[T["tw1"]])
B(L, "TW", "government", "National Taxation Bureau",
  "【財政部】綜合所得稅退稅已撥入您申報之帳戶，請至 etax.nat.gov.tw 查詢，勿點不明連結。",
  u=["etax.nat.gov.tw"])
B(L, "TW", "personal", None,
  "我寄的包裹放在你家樓下管理室了，記得下班去拿喔")
B(L, "TW", "personal", None,
  "晚餐錢我先墊了，一人三百五，你再轉給我就好")
B(L, "TW", "marketing", "PX Mart",
  "全聯福利中心：本週會員日滿千送百，詳情 pxmart.com.tw，拒收回覆N",
  u=["pxmart.com.tw"])
B(L, "TW", "appointment", None,
  "【台大醫院】提醒您明日09:30家醫科門診，看診號碼15號，如需取消請上網辦理。")
# ------------------------------------------------------------------ Hong Kong: scams
S(L, "HK", "address_update", "Hongkong Post",
  "香港郵政：由於地址不完整，您的包裹無法派送。請於12小時內更新地址：hkpost-delivery.cc",
  u=["hkpost-delivery.cc"])
S(L, "HK", "other", "HKeToll",
  "【易通行】您的車輛有未繳隧道費HK$62，逾期將被罰款HK$320，請即繳付：hketoll-pay.com",
  u=["hketoll-pay.com"], a=["62 HKD", "320 HKD"])
S(L, "HK", "refund", "Inland Revenue Department",
  "稅務局：閣下有一筆HK$1,850之退稅款項，請於7日內登入 ird-gov-hk.top 申領。",
  u=["ird-gov-hk.top"], a=["1850 HKD"])
S(L, "HK", "account_locked", "HSBC",
  "【滙豐】您的賬戶因異常活動已被暫停，請立即驗證身份以恢復使用：hsbc-hk-verify.net",
  u=["hsbc-hk-verify.net"])
S(L, "HK", "customs_fee", "SF Express",
  "順豐速運：閣下的跨境包裹需繳付清關費港幣38元，請致電 6284 5193 以信用卡付款，否則包裹將退回",
  p=["+85262845193"], a=["38 HKD"])
S(L, "HK", "prize", "Octopus",
  "八達通：恭喜你獲得HK$500獎賞，請於今日內登記領取 octopus-reward.xyz",
  u=["octopus-reward.xyz"], a=["500 HKD"])
S(L, "HK", "other", None,
  "你好，我哋係公安部嘅，你個身份證喺內地涉及洗黑錢案，請即打 9137 2468 聯絡辦案人員",
  p=["+85291372468"])
S(L, "HK", "redelivery_fee", "Hongkong Post",
  "香港郵政：我們今日未能投遞閣下的郵件，請繳付重新派送費HK$12：hkpost-redeliver.shop",
  u=["hkpost-redeliver.shop"], a=["12 HKD"])
S(L, "HK", "account_locked", "Bank of China (Hong Kong)",
  "中銀香港：閣下信用卡已被凍結，疑有盜用。請即致電 3918 2764 由專人協助解凍",
  p=["+85239182764"])
S(L, "HK", "package_held", "SF Express",
  "【順豐】您的包裹因運費不足滯留在倉庫，請補付HK$18運費，否則3日後銷毀：sf-hk-pay.vip",
  u=["sf-hk-pay.vip"], a=["18 HKD"])
# ------------------------------------------------------------------ Hong Kong: genuine
B(L, "HK", "pickup_code", "SF Express",
  "順豐速運：您的快件已到達順豐站（旺角），取件碼482193，請於3日內領取。")
B(L, "HK", "delivery_notice", "Hongkong Post",
  f"香港郵政：您的郵件{T['hk1']}已於今日派遞。查詢：hongkongpost.hk",
  u=["hongkongpost.hk"], t=[T["hk1"]])
B(L, "HK", "otp", "HSBC",
  "【滙豐】一次性密碼：719264。切勿向任何人透露此密碼。")
B(L, "HK", "bank_alert", "Bank of China (Hong Kong)",
  "中銀香港：你的信用卡於05/22在百佳簽賬HK$326.50。",
  a=["326.50 HKD"])
B(L, "HK", "customs_charge", "Hongkong Post",
  "香港郵政：閣下郵件需繳付應課稅品稅款港幣85元，請到郵政局櫃位繳付後領取。",
  a=["85 HKD"])
B(L, "HK", "government", None,
  "運輸署：你的車輛牌照將於30天後到期，請透過 td.gov.hk 或到牌照事務處續領。",
  u=["td.gov.hk"])
B(L, "HK", "personal", None,
  "阿媽，我寄咗啲嘢俾你，應該聽日到，記得喺屋企等收件")
B(L, "HK", "personal", None,
  "琴晚食飯我俾咗$400，你轉返$200俾我就得",
  a=["400 HKD", "200 HKD"])
B(L, "HK", "marketing", "PARKnSHOP",
  "百佳：會員獨享優惠，滿$300減$30，詳情 parknshop.com 。取消訂閱回覆STOP",
  u=["parknshop.com"], a=["300 HKD", "30 HKD"])
B(L, "HK", "appointment", None,
  "醫管局提醒：你已預約6月20日下午2時於威爾斯親王醫院專科門診覆診。")
