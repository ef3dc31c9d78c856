/// Buyer messages the benchmarks cycle through: Chinese, Traditional, English,
/// mixed, short and long, with and without entities.
enum Messages {
    static let all: [String] = [
        "在吗", "亲 我的快递到哪了", "顺丰单号SF1402938475612 三天没动了 怎么回事",
        "能便宜点吗 买两件", "衣服收到有个洞 我要退货退款", "什么时候发货啊 都等了五天了",
        "这款有黑色XL码吗 身高180", "可以货到付款吗", "地址填错了 改成上海市浦东新区世纪大道100号",
        "发票抬头写公司 税号91310000MA1234567X", "谢谢亲 辛苦了", "你们什么破店！！！骗子 我要投诉",
        "不处理就给差评", "我的快遞到哪裡了 請幫我查一下", "請問可以開發票嗎", "杯子碎了 少了一个盖子",
        "where is my parcel", "hi", "can you give me a discount if i buy 3", "the mug arrived broken, i want a refund",
        "when will you ship my order 58213??", "do you have this in size M in navy", "is cash on delivery available",
        "please cancel my order, wrong address", "i need a vat invoice for my company", "thanks, bye",
        "WORST SERVICE EVER, you are scammers!!!", "i'll leave a 1 star review", "UPS 1Z999AA10123456784 hasnt moved",
        "its been 2 weeks and still not shipped, this is unacceptable", "how much is shipping to canada",
        "这个SKU-A2231有货吗 急用 今天能发吗", "hello 在吗 my order 3827461928374651203 还没到",
        "收到了 没有坏 谢谢", "no need to refund, it's fine", "what are your opening hours",
        "我想退款 但是快递还没到 物流一直不更新 你们到底管不管", "do you ship to australia and how long does it take",
        "包装破损了 里面的东西也摔坏了 怎么处理 不行就退货", "ok",
    ]
}
