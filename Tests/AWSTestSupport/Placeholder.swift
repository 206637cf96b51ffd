import AWS
