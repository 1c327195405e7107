// The demo onboarding funnel created on the first start (the same graph as the golden fixture).
export const demoOnboarding = {
  nodes: [
    {
      id: 'start',
      type: 'trigger.friend_request',
      position: {
        x: 0,
        y: 0,
      },
      data: {
        autoAccept: true,
        helloKeywords: [],
      },
    },
    {
      id: 'greet',
      type: 'send',
      position: {
        x: 0,
        y: 120,
      },
      data: {
        text: '你好 {{contact.name|朋友}}，欢迎！先认识一下～',
      },
    },
    {
      id: 'city',
      type: 'ask',
      position: {
        x: 0,
        y: 240,
      },
      data: {
        question: '你在哪个城市？',
        saveAs: 'city',
        timeout: 'PT1H',
      },
    },
    {
      id: 'age',
      type: 'ask',
      position: {
        x: 0,
        y: 360,
      },
      data: {
        question: '{{attributes.city}}的朋友你好！你今年多大？',
        saveAs: 'age',
        expect: 'number',
        min: 1,
        max: 120,
      },
    },
    {
      id: 'phone',
      type: 'ask',
      position: {
        x: 0,
        y: 480,
      },
      data: {
        question: '留个手机号，方便发券给你',
        saveAs: 'phone',
        expect: 'phone',
      },
    },
    {
      id: 'adult',
      type: 'condition',
      position: {
        x: 0,
        y: 600,
      },
      data: {
        rules: [
          {
            field: 'attributes.age',
            op: 'gte',
            value: 18,
          },
        ],
      },
    },
    {
      id: 'tag_adult',
      type: 'tag',
      position: {
        x: 0,
        y: 720,
      },
      data: {
        add: ['成年', '留资'],
      },
    },
    {
      id: 'tag_minor',
      type: 'tag',
      position: {
        x: 200,
        y: 720,
      },
      data: {
        add: ['未成年'],
      },
    },
    {
      id: 'gift',
      type: 'coupon',
      position: {
        x: 0,
        y: 840,
      },
      data: {
        pool: 'welcome',
        text: '{{contact.name|朋友}}，送你一张新人券：{{coupon.code}}',
      },
    },
    {
      id: 'lead',
      type: 'goal',
      position: {
        x: 0,
        y: 960,
      },
      data: {
        name: '留资',
      },
    },
    {
      id: 'done',
      type: 'end',
      position: {
        x: 0,
        y: 1080,
      },
      data: {},
    },
  ],
  edges: [
    {
      id: 'e1',
      source: 'start',
      sourceHandle: 'next',
      target: 'greet',
    },
    {
      id: 'e2',
      source: 'greet',
      sourceHandle: 'next',
      target: 'city',
    },
    {
      id: 'e3',
      source: 'city',
      sourceHandle: 'answered',
      target: 'age',
    },
    {
      id: 'e4',
      source: 'age',
      sourceHandle: 'answered',
      target: 'phone',
    },
    {
      id: 'e5',
      source: 'phone',
      sourceHandle: 'answered',
      target: 'adult',
    },
    {
      id: 'e6',
      source: 'adult',
      sourceHandle: 'true',
      target: 'tag_adult',
    },
    {
      id: 'e7',
      source: 'adult',
      sourceHandle: 'false',
      target: 'tag_minor',
    },
    {
      id: 'e8',
      source: 'tag_adult',
      sourceHandle: 'next',
      target: 'gift',
    },
    {
      id: 'e9',
      source: 'tag_minor',
      target: 'lead',
    },
    {
      id: 'e10',
      source: 'gift',
      sourceHandle: 'issued',
      target: 'lead',
    },
    {
      id: 'e11',
      source: 'gift',
      sourceHandle: 'exhausted',
      target: 'lead',
    },
    {
      id: 'e12',
      source: 'lead',
      sourceHandle: 'next',
      target: 'done',
    },
  ],
};
